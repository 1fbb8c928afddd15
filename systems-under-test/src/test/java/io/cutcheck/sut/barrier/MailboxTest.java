package io.cutcheck.sut.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxTest {

    @Test
    void dataWaitsUntilTheTaskRunsAndControlGoesFirst() throws Exception {
        Mailbox mailbox = new Mailbox(8);
        List<String> done = new ArrayList<>();
        mailbox.data(() -> done.add("record"));
        assertThat(mailbox.take(0, false)).as("no data before Run").isNull();
        mailbox.control(() -> done.add("run"));
        mailbox.take(0, false).run();
        mailbox.take(0, true).run();
        assertThat(done).containsExactly("run", "record");
        assertThat(mailbox.take(0, true)).isNull();
    }
}
