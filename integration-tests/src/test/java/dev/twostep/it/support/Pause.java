package dev.twostep.it.support;

/** Waits that a scenario needs (a cooldown to pass), never used to paper over a race. */
public final class Pause {
    private Pause() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
