package vn.motcua.engine;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;

/**
 * The engine's ids: 20 characters, time-ordered, unique across nodes without asking the database.
 *
 * <p>Camunda's Spring Boot starter gives every row a time-based UUID in its 36-character text form. An id is in
 * almost every row of the engine several times (a history row of an activity holds its own id, its parent's, its
 * instance's, its root instance's, its execution's and its definition's, and three of its indexes hold some of them
 * again), so those 36 characters were a large share of a finished dossier's bytes. And a UUID's text does not begin
 * with its time, so every index on an id took new rows at random places and kept its pages partly empty.
 *
 * <p>An id here is the time in milliseconds (48 bits, 9 base-62 characters) followed by a sequence (64 bits, 11
 * base-62 characters), both of fixed width, in the characters {@code 0-9A-Za-z}, which sort in that order: ids sort by
 * the millisecond they were made in, so indexes on them grow at their end. Uniqueness: each generator (one per engine,
 * so one per node and start) begins its sequence at a random 64-bit value from {@link SecureRandom} and counts up by
 * one per id, never back. Within a generator no two ids share a sequence value, whatever its clock does (a clock set
 * back repeats a millisecond, never a sequence value). Two generators give the same id only when one's sequence meets
 * a value the other used in the same millisecond: their sequences overlap with a chance of about n / 2^63 for a pair
 * of generators that made n ids each (one in a billion at 10^10 ids each), and even then the ids must also fall in
 * the same millisecond. Ids made before (UUIDs) stay as they are; the engine only compares ids for
 * equality and sorts by them where the order is a tie-break.
 *
 * <p>Ids are case-sensitive ({@code a} and {@code A} differ): PostgreSQL and H2, motcua's databases, compare text
 * that way; a database that compares text case-insensitively (MySQL's default collation) must not be used with them.
 */
public final class CompactIds implements IdGenerator {

    static final int LENGTH = 20;
    private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int TIME_CHARS = 9;
    private static final int SEQUENCE_CHARS = 11;
    private static final long TIME_MASK = (1L << 48) - 1;

    private final LongSupplier clock;
    private final AtomicLong sequence;

    public CompactIds() {
        this(System::currentTimeMillis, new SecureRandom().nextLong());
    }

    CompactIds(LongSupplier clock, long firstSequence) {
        this.clock = clock;
        this.sequence = new AtomicLong(firstSequence);
    }

    @Override
    public String getNextId() {
        long next = sequence.getAndIncrement();
        char[] id = new char[LENGTH];
        long time = clock.getAsLong() & TIME_MASK;
        for (int i = TIME_CHARS - 1; i >= 0; i--) {
            id[i] = DIGITS[(int) (time % 62)];
            time /= 62;
        }
        // the sequence as an unsigned 64-bit number, so that it counts up through what a signed long calls negative
        for (int i = LENGTH - 1; i >= TIME_CHARS; i--) {
            id[i] = DIGITS[(int) Long.remainderUnsigned(next, 62)];
            next = Long.divideUnsigned(next, 62);
        }
        return new String(id);
    }
}
