package jp.machi.promotion.fanclub.domain;

/** Where a newsletter stands: queued by staff, being sent in batches by the job, or handed to every member it goes to. */
public enum NewsletterStatus {
    QUEUED, SENDING, DONE
}
