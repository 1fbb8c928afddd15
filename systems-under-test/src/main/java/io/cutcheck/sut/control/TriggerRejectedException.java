package io.cutcheck.sut.control;

/** A checkpoint cannot be triggered now (not the trigger node, one in flight, recovering): a 409. */
public final class TriggerRejectedException extends Exception {
    public TriggerRejectedException(String message) {
        super(message);
    }
}
