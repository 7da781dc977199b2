package jp.machi.core.mail;

import java.util.UUID;

/** Fired when a mail is written to the outbox; delivered once the transaction that wrote it commits. */
public record MailQueued(String lgCode, UUID mailId) {
}
