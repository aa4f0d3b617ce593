package vn.motcua.outbox;

/**
 * Delivers outbox messages of one channel to its peer. A message is sent with its id as the
 * idempotency key, so a resend after a crash has one effect at the peer.
 */
public interface OutboxSender {

    Channel channel();

    /** Whether the peer is configured; messages for an unconfigured peer are recorded as skipped. */
    boolean configured();

    /**
     * @return a short result to keep (a tracking number, the peer's id), or null
     * @throws Exception when the peer did not take the message: it is tried again later
     */
    String send(OutboxMessage message) throws Exception;
}
