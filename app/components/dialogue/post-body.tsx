/** A post's text: HTML sanitised on the server when it was written, in its own direction. */
export function PostBody({ html }: { html: string }) {
  return <div className="post-body" dir="auto" dangerouslySetInnerHTML={{ __html: html }} />;
}
