package jp.machi.core.persistence;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for the many rows one bulk write creates, each greater than the one before (ADR 58): in the
 * shape of RFC 9562's version 7 (the creation's Unix milliseconds first), then 42 random bits drawn
 * once per generator, then a counter. A B-tree index of random ids (version 4) takes each of 100,000
 * new keys at a random leaf, so every leaf is rewritten again and again and read back when a
 * transaction's commit walks them; ascending ids of one import go one after the other into the
 * same few leaves. H2 and PostgreSQL order UUIDs the same way (as unsigned 128-bit numbers, which is
 * also the order of their lowercase text).
 *
 * <p>Unique: two generators differ in their milliseconds or, started in the same millisecond, in their
 * 42 random bits (a chance of 2<sup>-42</sup>); one generator never repeats its counter. Not a secret:
 * an id tells when its import ran, which the rows' audit events say anyway. Not thread-safe: one per
 * bulk write.
 */
public final class OrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final long high;
    private final long lowPrefix;
    private long counter;

    public OrderedIds() {
        long millis = System.currentTimeMillis() & 0xFFFF_FFFF_FFFFL;
        long random = RANDOM.nextLong();
        // 48 bits of time, version 7, 12 random bits (rand_a).
        this.high = millis << 16 | 0x7000L | random & 0x0FFFL;
        // Variant 10, 30 more random bits, then the 32-bit counter (rand_b).
        this.lowPrefix = 0x8000_0000_0000_0000L | (random >>> 12 & 0x3FFF_FFFFL) << 32;
    }

    /** The next id: greater than every id this generator gave before. */
    public UUID next() {
        if (counter > 0xFFFF_FFFFL) {
            throw new IllegalStateException("More than 2^32 ids from one generator");
        }
        return new UUID(high, lowPrefix | counter++);
    }
}
