// Which teams review which in a group task's peer review. Each team reviews `perTeam` others and
// is reviewed by as many: the teams are put in a random order and each reviews the next
// `perTeam` teams round the circle, so nobody reviews their own work, no pair is assigned twice
// and the load is even. With fewer teams than perTeam + 1, each reviews all the others.

export interface ReviewAssignment {
  reviewer: string;
  reviewed: string;
}

/** A random permutation (Fisher–Yates) with the given source of numbers in [0, 1). */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function assignReviews(teamIds: readonly string[], perTeam: number, random: () => number): ReviewAssignment[] {
  const order = shuffled([...new Set(teamIds)], random);
  const reviews = Math.min(perTeam, Math.max(0, order.length - 1));
  const assignments: ReviewAssignment[] = [];
  order.forEach((reviewer, i) => {
    for (let step = 1; step <= reviews; step++) assignments.push({ reviewer, reviewed: order[(i + step) % order.length]! });
  });
  return assignments;
}
