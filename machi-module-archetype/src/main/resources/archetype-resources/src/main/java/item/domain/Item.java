#set( $table = $moduleId.replace('-', '_') + '_item' )
package ${package}.item.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.intake.Intake;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.persistence.TenantOwned;

/**
 * An item of ${nameJa}: one municipality's (TenantOwned: the municipality_code column is filled and filtered by
 * core), in a fiscal year, with a title and a note. Staff register items (accepted at once); residents send them
 * from the portal through core's public intake (a receipt number, the sender's contact), and a holder of the
 * module's reviewer role accepts or rejects them (ItemReviewWorkflow). The entity name carries the module's class
 * prefix: every module's entities share one persistence unit, where names must be unique.
 */
@Entity(name = "${className}Item")
@Table(name = "${table}")
@NamedQuery(name = "${className}Item.byEmail", query = "SELECT i FROM ${className}Item i WHERE i.contactEmail = :email")
@NamedQuery(name = "${className}Item.expired", query = "SELECT i FROM ${className}Item i WHERE i.anonymisedAt IS NULL"
        + " AND i.contactEmail IS NOT NULL AND i.receivedAt <= :closedBefore AND (i.spam = TRUE OR i.state <> :open)")
public class Item extends TenantOwned implements Anonymisable {

    /** Column sizes: the API refuses longer values with 400 (never a 500 from the database). */
    public static final int TITLE_MAX = 200;
    public static final int NOTE_MAX = 2000;
    public static final int CONTACT_MAX = 254;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "fiscal_year", nullable = false)
    private FiscalYear fiscalYear;

    @Column(name = "title", nullable = false, length = TITLE_MAX)
    private String title;

    @Column(name = "note", length = NOTE_MAX)
    private String note;

    /** Its place in the review; changed only by the workflow (ItemReviewWorkflow). */
    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private ItemState state;

    /** How the sender quotes it (core's public intake, e.g. ${className.substring(0,1)}-R8-000012); null for items staff registered. */
    @Column(name = "receipt_number", length = 20)
    private String receiptNumber;

    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    /**
     * The sender's e-mail address: a resident's personal data. @PersonalData keeps it masked in every response
     * and out of the audit trail's values; never shown on the portal, never in the task list.
     */
    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "contact_email", length = CONTACT_MAX)
    private String contactEmail;

    /** When the sender's contact was removed (core's retention period, ItemResidentData); null while it is held. */
    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    /** The portal form's honeypot was filled: kept for staff to see, out of the task list, never accepted. */
    @Column(name = "spam", nullable = false)
    private boolean spam;

    /** Raised by every change; the ETag and If-Match carry it (core's Versions). */
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Item() {
    }

    /** What an edit sets: the whole item. */
    public record Content(FiscalYear fiscalYear, String title, String note) {
        public Content {
            if (fiscalYear == null || title == null || title.isBlank()) {
                throw new IllegalArgumentException("fiscal year and title are required");
            }
            title = title.strip();
            note = note == null || note.isBlank() ? null : note.strip();
        }
    }

    /** An item staff register: accepted at once, nothing to review. */
    public Item(Content c) {
        revise(c);
        this.state = ItemState.ACCEPTED;
    }

    /** An item sent from the portal: waiting for review (申請中), numbered by core's public intake. */
    public static Item submitted(Content c, Intake in, String contactEmail) {
        Item i = new Item(c);
        i.state = ItemState.SUBMITTED;
        i.receiptNumber = in.receiptNumber();
        i.receivedAt = in.receivedAt();
        i.spam = in.spam();
        // In core's normal form (NFKC, lower case), so that a resident's data request finds it however it is typed.
        i.contactEmail = ResidentQuery.email(contactEmail);
        return i;
    }

    public final void revise(Content c) {
        this.fiscalYear = c.fiscalYear();
        this.title = c.title();
        this.note = c.note();
    }

    @Override
    public UUID getId() {
        return id;
    }

    public FiscalYear getFiscalYear() {
        return fiscalYear;
    }

    public String getTitle() {
        return title;
    }

    public String getNote() {
        return note;
    }

    /** For the workflow only (ItemReviewWorkflow's setState); the version rises with it. */
    public void movedTo(ItemState next) {
        this.state = next;
    }

    public ItemState getState() {
        return state;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    @Override
    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    /** Removes the sender's contact (the retention period ended); the item itself stays. False the second time. */
    @Override
    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.contactEmail = null;
        this.anonymisedAt = now;
        return true;
    }

    public boolean isSpam() {
        return spam;
    }

    public long getVersion() {
        return version;
    }
}
