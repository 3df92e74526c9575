/**
 * The page's player, whichever kind it is (YouTube embed, audio or video
 * element), as the rest of the page sees it: time links seek it, and the
 * transcript follows the times it reports.
 */
export interface PlayerHandle {
  /** seeks to second t and plays (activating the embed first when it is still a placeholder) */
  playAt(t: number): void;
}

type Listener = (t: number, playing: boolean) => void;

let player: PlayerHandle | null = null;
const listeners = new Set<Listener>();

export function setPlayer(handle: PlayerHandle | null): void {
  player = handle;
}

export function getPlayer(): PlayerHandle | null {
  return player;
}

const playRequests = new Set<(t: number) => void>();

/** Seeks the page's player to t and plays; false when the page has no player. */
export function playAt(t: number): boolean {
  if (!player) return false;
  player.playAt(t);
  for (const l of playRequests) l(t);
  return true;
}

/** Called whenever a time link (or anything else) asks the player to play from a second. */
export function onPlayRequest(listener: (t: number) => void): () => void {
  playRequests.add(listener);
  return () => playRequests.delete(listener);
}

/** Called by the player as it plays (about four times a second) and when it pauses or seeks. */
export function publishTime(t: number, playing: boolean): void {
  for (const l of listeners) l(t, playing);
}

export function onPlayerTime(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
