// Telling Rust when an element comes near the viewport, so costly parts (a Monaco editor) are
// built only where the reader is heading. Bound in app/src/interop/near.rs.

export class NearWatch {
  // `margin` is a CSS margin around the viewport (`600px 0px`): "near" starts that far away.
  constructor(element, margin, onNear) {
    this.onNear = onNear;
    if (!('IntersectionObserver' in globalThis)) {
      // Without the observer (very old browsers) everything counts as near at once.
      queueMicrotask(() => this.fire());
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.fire();
      },
      { rootMargin: margin },
    );
    this.observer.observe(element);
  }

  fire() {
    const onNear = this.onNear;
    this.stop();
    onNear?.();
  }

  // After this the callback is never called: Rust may free it.
  stop() {
    this.observer?.disconnect();
    this.observer = undefined;
    this.onNear = undefined;
  }
}
