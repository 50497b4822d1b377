// Any address no other route answers: a 404 thrown from here renders the root error page with
// the root loader's data (language, header, translations). Without this route Remix answers
// unknown addresses before any loader runs, so the 404 page had neither.
export async function loader() {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

export async function action() {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}
