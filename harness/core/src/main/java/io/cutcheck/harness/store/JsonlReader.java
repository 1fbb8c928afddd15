package io.cutcheck.harness.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one JSONL file of the store and says what it could not read. JsonlWriter ends every
 * line with a newline and flushes it, so the only damage a killed harness can cause is a last
 * line without its newline: that one is tolerated (and reported) while the run may have been cut
 * short. Any other line that does not parse, and a torn last line in a store whose run finished
 * writing, is damage: something other than the harness wrote there.
 */
final class JsonlReader {

    private final List<String> damage = new ArrayList<>();
    private final List<String> tolerated = new ArrayList<>();
    private final boolean finished;

    /** @param finished whether the run recorded that it finished writing ({@code written.json}) */
    JsonlReader(boolean finished) {
        this.finished = finished;
    }

    <T> List<T> read(Path file, Class<T> type) throws IOException {
        List<T> values = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        boolean endsWithNewline = endsWithNewline(file);
        long number = 1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            for (; line != null; number++) {
                String next = in.readLine();
                if (!line.isBlank()) {
                    try {
                        values.add(Json.MAPPER.readValue(line, type));
                    } catch (IOException unreadable) {
                        unreadable(file, number, line, next == null && !endsWithNewline);
                    }
                }
                line = next;
            }
        } catch (CharacterCodingException notText) {
            damage.add(file.getFileName() + " is not UTF-8 text near line " + number + "; read no further");
        }
        return values;
    }

    private void unreadable(Path file, long number, String line, boolean tornTail) {
        String where = file.getFileName() + " line " + number;
        if (tornTail && !finished) {
            tolerated.add(where + " is cut short (the harness was stopped while writing it); skipped");
        } else {
            damage.add(where + " is not a readable record: " + excerpt(line));
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() == 0) {
                return true;
            }
            in.seek(in.length() - 1);
            return in.read() == '\n';
        }
    }

    /** Damage unless the file holds exactly as many records as the run wrote into it. */
    void expect(Path file, long readable, Long written) {
        if (written != null && written != readable) {
            damage.add(file.getFileName() + " holds " + readable + " readable records, but the run wrote " + written
                    + " (written.json)");
        }
    }

    void damage(String what) {
        damage.add(what);
    }

    StoreIntegrity integrity() {
        return new StoreIntegrity(damage, tolerated);
    }

    private static String excerpt(String line) {
        String flat = line.strip();
        return "'" + (flat.length() > 40 ? flat.substring(0, 40) + "…" : flat) + "'";
    }
}
