/** The cheapest possible workflow: the dev server's throughput bound for the burst baseline. */
export async function trivialWorkflow(): Promise<number> {
  return 1;
}
