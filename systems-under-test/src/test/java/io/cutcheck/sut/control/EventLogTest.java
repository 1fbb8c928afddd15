package io.cutcheck.sut.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventLogTest {
    @Test
    void keepsTheNewestEventsAndSkipsThoseThatFellOut() {
        EventLog log = new EventLog("n");
        for (int i = 0; i < EventLog.CAPACITY + 10; i++) {
            log.append(EventType.ACK_SENT, (long) i);
        }
        EventLog.Page page = log.since(0, 5);
        assertThat(page.events()).extracting(Event::seq).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(page.next()).isEqualTo(15);
        EventLog.Page beyond = log.since(EventLog.CAPACITY + 50, 5);
        assertThat(beyond.events()).isEmpty();
        assertThat(beyond.next()).isEqualTo(EventLog.CAPACITY + 10);
    }

    /** The largest since there is must not overflow into a negative next (the harness then re-read old events as new). */
    @Test
    void aSinceNearTheLargestLongGivesAnEmptyPageAndTheNextSeq() {
        EventLog log = new EventLog("n");
        log.append(EventType.ACK_SENT, 1L);
        log.append(EventType.ACK_SENT, 2L);
        for (long since : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 3, 1L << 40}) {
            EventLog.Page page = log.since(since, 10_000);
            assertThat(page.events()).as("since %d", since).isEmpty();
            assertThat(page.next()).as("since %d", since).isEqualTo(2);
        }
    }
}
