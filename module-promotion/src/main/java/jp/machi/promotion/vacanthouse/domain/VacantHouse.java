package jp.machi.promotion.vacanthouse.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentQuery;

/**
 * 空き家バンクの物件: what the portal may show (title, area, rent or price, layout, floor and land area,
 * year built, description) and, apart, the owner (name, address, phone, e-mail: personal data, never
 * on the portal). Its state follows {@code promotion.vacant-house} (application → survey →
 * registration → publication → negotiation → contract → closed); a registration runs until
 * {@link #getExpiresOn()} unless renewed. The fiscal years of registration and contract are columns
 * so that the metrics count in the database.
 */
@Entity
@Table(name = "promotion_vacant_house")
@NamedQuery(name = "VacantHouse.byEmail", query = "SELECT v FROM VacantHouse v WHERE v.ownerEmail = :email")
@NamedQuery(name = "VacantHouse.byPhone", query = "SELECT v FROM VacantHouse v WHERE v.ownerPhoneDigits = :phone")
@NamedQuery(name = "VacantHouse.expired", query = "SELECT v FROM VacantHouse v WHERE v.anonymisedAt IS NULL"
        + " AND v.state = jp.machi.promotion.vacanthouse.domain.VacantHouseState.CLOSED AND v.closedAt <= :before")
@NamedQuery(name = "VacantHouse.registrationOver", query = "SELECT v FROM VacantHouse v WHERE v.expiresOn < :today"
        + " AND v.state IN :states")
public class VacantHouse extends TenantOwned implements Anonymisable {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "title", nullable = false, length = 100)
    private String title;

    /** Where it is, as the portal may say it (a district, not the street address). */
    @Column(name = "area", nullable = false, length = 100)
    private String area;

    @Enumerated(EnumType.STRING)
    @Column(name = "deal_type", nullable = false, length = 20)
    private DealType dealType;

    /** Monthly rent in yen. */
    @Column(name = "rent")
    private Long rent;

    /** Price in yen. */
    @Column(name = "price")
    private Long price;

    @Column(name = "layout", length = 20)
    private String layout;

    @Column(name = "floor_area", precision = 8, scale = 2)
    private BigDecimal floorArea;

    @Column(name = "land_area", precision = 9, scale = 2)
    private BigDecimal landArea;

    @Column(name = "built_year")
    private Integer builtYear;

    @Column(name = "description", length = 2000)
    private String description;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "owner_name", nullable = false, length = 100)
    private String ownerName;

    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "owner_address", length = 300)
    private String ownerAddress;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "owner_phone", length = 40)
    private String ownerPhone;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "owner_phone_digits", length = 20)
    private String ownerPhoneDigits;

    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "owner_email", length = 254)
    private String ownerEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private VacantHouseState state;

    @Column(name = "applied_on", nullable = false)
    private LocalDate appliedOn;

    /** The day the site survey should be done by (application + 14 days). */
    @Column(name = "survey_due", nullable = false)
    private LocalDate surveyDue;

    @Column(name = "surveyed_on")
    private LocalDate surveyedOn;

    @Column(name = "registered_on")
    private LocalDate registeredOn;

    @Column(name = "registered_fy")
    private Integer registeredFiscalYear;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Column(name = "published_on")
    private LocalDate publishedOn;

    @Column(name = "contracted_on")
    private LocalDate contractedOn;

    @Column(name = "contracted_fy")
    private Integer contractedFiscalYear;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "house", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<VacantHousePhoto> photos = new ArrayList<>();

    protected VacantHouse() {
    }

    /** A photo (the stored file's id) added last, with its caption. */
    public VacantHousePhoto addPhoto(UUID fileId, String caption, OffsetDateTime at) {
        int next = photos.stream().mapToInt(VacantHousePhoto::getPosition).max().orElse(0) + 1;
        VacantHousePhoto p = new VacantHousePhoto(this, fileId, next, caption, at);
        photos.add(p);
        return p;
    }

    /** Removes the photo; whether it was one of this property's. */
    public boolean removePhoto(UUID fileId) {
        return photos.removeIf(p -> p.getId().equals(fileId));
    }

    /** The photos in this order (every one of them, each once) with these captions. */
    public void arrangePhotos(List<UUID> order, Map<UUID, String> captions) {
        for (VacantHousePhoto p : photos) {
            p.place(order.indexOf(p.getId()) + 1, captions.get(p.getId()));
        }
        photos.sort(java.util.Comparator.comparingInt(VacantHousePhoto::getPosition));
    }

    /** The photos in their order. */
    public List<VacantHousePhoto> getPhotos() {
        List<VacantHousePhoto> l = new ArrayList<>(photos);
        l.sort(java.util.Comparator.comparingInt(VacantHousePhoto::getPosition));
        return l;
    }

    /** What the portal may show, as one edit. */
    public record Property(String title, String area, DealType dealType, Long rent, Long price, String layout,
            BigDecimal floorArea, BigDecimal landArea, Integer builtYear, String description) {
    }

    /** The owner, as one edit. */
    public record Owner(String name, String address, String phone, String email) {
    }

    public VacantHouse(Property p, Owner o, LocalDate appliedOn) {
        this.state = VacantHouseState.APPLIED;
        this.appliedOn = appliedOn;
        this.surveyDue = appliedOn.plusDays(14);
        revise(p, o);
    }

    public final void revise(Property p, Owner o) {
        this.title = p.title();
        this.area = p.area();
        this.dealType = p.dealType();
        this.rent = p.rent();
        this.price = p.price();
        this.layout = p.layout();
        this.floorArea = p.floorArea();
        this.landArea = p.landArea();
        this.builtYear = p.builtYear();
        this.description = p.description();
        this.ownerName = o.name();
        this.ownerAddress = o.address();
        this.ownerPhone = o.phone();
        this.ownerPhoneDigits = ResidentQuery.phoneDigits(o.phone());
        this.ownerEmail = ResidentQuery.email(o.email());
    }

    public void movedTo(VacantHouseState s) {
        this.state = s;
    }

    public void surveyed(LocalDate day) {
        this.surveyedOn = day;
    }

    /** Registered (or renewed) on {@code day} for {@code years}: runs until the day before the same date that many years on. */
    public void registered(LocalDate day, int years) {
        if (registeredOn == null) {
            this.registeredOn = day;
            this.registeredFiscalYear = FiscalYear.containing(day).startYear();
        }
        LocalDate from = expiresOn != null && expiresOn.isAfter(day) ? expiresOn.plusDays(1) : day;
        this.expiresOn = from.plusYears(years).minusDays(1);
    }

    /**
     * Corrects the day of the first registration (a bank kept on paper before Machi, or entered late):
     * the registration then runs {@code years} from that day.
     */
    public void redate(LocalDate day, int years) {
        this.registeredOn = day;
        this.registeredFiscalYear = FiscalYear.containing(day).startYear();
        this.expiresOn = day.plusYears(years).minusDays(1);
    }

    public void published(LocalDate day) {
        if (publishedOn == null) {
            this.publishedOn = day;
        }
    }

    public void contracted(LocalDate day) {
        this.contractedOn = day;
        this.contractedFiscalYear = FiscalYear.containing(day).startYear();
    }

    public void closed(OffsetDateTime now) {
        this.closedAt = now;
    }

    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.ownerName = PersonalDataFields.ANONYMOUS_NAME;
        this.ownerAddress = null;
        this.ownerPhone = null;
        this.ownerPhoneDigits = null;
        this.ownerEmail = null;
        this.anonymisedAt = now;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getArea() {
        return area;
    }

    public DealType getDealType() {
        return dealType;
    }

    public Long getRent() {
        return rent;
    }

    public Long getPrice() {
        return price;
    }

    public String getLayout() {
        return layout;
    }

    public BigDecimal getFloorArea() {
        return floorArea;
    }

    public BigDecimal getLandArea() {
        return landArea;
    }

    public Integer getBuiltYear() {
        return builtYear;
    }

    public String getDescription() {
        return description;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public String getOwnerAddress() {
        return ownerAddress;
    }

    public String getOwnerPhone() {
        return ownerPhone;
    }

    public String getOwnerEmail() {
        return ownerEmail;
    }

    public VacantHouseState getState() {
        return state;
    }

    public LocalDate getAppliedOn() {
        return appliedOn;
    }

    public LocalDate getSurveyDue() {
        return surveyDue;
    }

    public LocalDate getSurveyedOn() {
        return surveyedOn;
    }

    public LocalDate getRegisteredOn() {
        return registeredOn;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }

    public LocalDate getContractedOn() {
        return contractedOn;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public long getVersion() {
        return version;
    }
}
