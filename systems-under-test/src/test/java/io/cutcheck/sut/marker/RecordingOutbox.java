package io.cutcheck.sut.marker;

import java.util.ArrayList;
import java.util.List;

/** A test double that keeps every effect of the marker algorithm in order. */
final class RecordingOutbox implements Outbox {
    record Sent(String destination, Credit credit) {
    }

    final List<Sent> credits = new ArrayList<>();
    final List<Long> markers = new ArrayList<>();
    final List<Part> parts = new ArrayList<>();

    @Override
    public void credit(String destination, Credit credit) {
        credits.add(new Sent(destination, credit));
    }

    @Override
    public void markers(long snapshot, String initiator) {
        markers.add(snapshot);
    }

    @Override
    public void partComplete(Part part) {
        parts.add(part);
    }
}
