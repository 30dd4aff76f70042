// The imports this process has committed, counted where both sides may look: the importer (data/) notes each one,
// and caches of the current revision (http/) compare the count to drop values an import made stale.
let imports = 0;

/** Called by the importer after each committed import. */
export function noteImport(): void {
  imports += 1;
}

/** How many imports this process has committed. */
export const importCount = (): number => imports;
