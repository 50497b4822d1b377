export const PAGE_SIZE = 25;

/** The page asked for in `?page=`, starting at 1; anything odd counts as the first page. */
export function pageFrom(url: URL, pageSize = PAGE_SIZE) {
  const raw = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 100_000 ? raw : 1;
  return { page, limit: pageSize, offset: (page - 1) * pageSize };
}
