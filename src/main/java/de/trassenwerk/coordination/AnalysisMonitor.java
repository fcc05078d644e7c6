package de.trassenwerk.coordination;

/**
 * How a long analysis reports progress and learns that it should stop. Both methods may be called
 * from worker threads, several at once: implementations must be thread-safe and quick (a UI
 * implementation hands the value over to its own thread).
 */
public interface AnalysisMonitor {
    /** A monitor that ignores progress and never cancels. */
    AnalysisMonitor NONE = new AnalysisMonitor() {
        @Override
        public void progress(double fraction) {
            // nobody is watching
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** The share of the work done, from 0 to 1. */
    void progress(double fraction);

    /** Whether the caller wants the analysis to stop; it then ends with a CancellationException. */
    boolean isCancelled();

    /**
     * Called when a step of the run is done, with the step's key, in this order: {@code read},
     * {@code prepare} (indexes), {@code routes}, {@code works}, {@code double_digs}, {@code order}; for
     * reports of where the time went. Called on the thread that runs the analysis. Does nothing
     * unless overridden.
     */
    default void stepDone(String step) {
        // nobody is timing
    }
}
