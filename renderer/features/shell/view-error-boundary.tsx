import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * A page that fails to render says so, in words, and offers to try again; the header, the other
 * pages and every queued edit stay as they were. Never a stack trace on screen (it goes to the
 * console for a developer).
 */
export class ViewErrorBoundary extends Component<{ children: ReactNode; name: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`The ${this.props.name} page failed to render`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="empty-state" role="alert">
        <h2>The {this.props.name} page could not be shown</h2>
        <p className="muted">
          {this.state.error.name === 'DatabaseClosedError' || this.state.error.name === 'OpenFailedError'
            ? 'The local cache could not be opened. Close other Millwright windows and try again.'
            : 'Something went wrong while drawing it. Your data and queued edits are safe.'}
        </p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
