/**
 * "Follow active_pid": the view pans to the baton's card whenever the baton moves to another
 * card. Remembers the card it last centred on, so a step that keeps the baton where it is does
 * not move the view (the user may have panned away from it since).
 */
export class FollowActive {
  private followed: number | null = null;

  /**
   * Where to centre the view now (a tree point), or null to leave it. `on`: following is on;
   * `batonAt`: the shown card the baton is on; `at`: a shown card's position.
   */
  next(
    on: boolean,
    batonAt: number | null,
    at: (pid: number) => { x: number; y: number } | undefined,
  ): { x: number; y: number } | null {
    if (!on) {
      this.followed = null;
      return null;
    }
    if (batonAt === null || batonAt === this.followed) return null;
    const p = at(batonAt);
    if (!p) return null;
    this.followed = batonAt;
    return p;
  }
}
