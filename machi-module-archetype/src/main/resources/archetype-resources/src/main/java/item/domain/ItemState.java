package ${package}.item.domain;

/**
 * Where an item is in its review (ItemReviewWorkflow): sent from the portal and waiting (申請中), accepted
 * (受理) or rejected with a reason (却下). Items staff register themselves start accepted.
 */
public enum ItemState {
    SUBMITTED,
    ACCEPTED,
    REJECTED
}
