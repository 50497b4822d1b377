import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "../auth/guards.server";
import { homeFor } from "../roles";

// The front door: the area of the person's highest role, or the sign-in page.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(context, request);
  throw redirect(user ? homeFor(user.roles) : "/login");
}
