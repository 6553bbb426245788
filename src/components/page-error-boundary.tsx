import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of a page that failed (say, its code could not be downloaded). */
  fallback: () => ReactNode;
  children: ReactNode;
}

/**
 * A page that fails to load or render must never leave a blank screen: someone
 * may be one step from an emergency result. The fallback keeps the emergency
 * number in view. Trying again means reloading: a lazily loaded page that failed
 * once stays failed in React, and the answers survive a reload.
 */
export class PageErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback() : this.props.children;
  }
}
