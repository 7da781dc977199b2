#set( $table = $moduleId.replace('-', '_') + '_item' )
package ${package}.item.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;

/**
 * An item of ${nameJa}: one municipality's (TenantOwned: the municipality_code column is filled and filtered by
 * core), in a fiscal year, with a title and a note. The entity name carries the module's class prefix: every
 * module's entities share one persistence unit, where names must be unique.
 */
@Entity(name = "${className}Item")
@Table(name = "${table}")
public class Item extends TenantOwned {

    /** Column sizes: the API refuses longer values with 400 (never a 500 from the database). */
    public static final int TITLE_MAX = 200;
    public static final int NOTE_MAX = 2000;

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

    public Item(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.fiscalYear = c.fiscalYear();
        this.title = c.title();
        this.note = c.note();
    }

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

    public long getVersion() {
        return version;
    }
}
