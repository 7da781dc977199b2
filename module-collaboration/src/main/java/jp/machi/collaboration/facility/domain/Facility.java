package jp.machi.collaboration.facility.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 地域集会施設 (コミュニティセンター), 市民活動サポートセンター …: a facility of the municipality with
 * what the 公共施設一覧 open data shows of it, its rooms ({@link FacilityRoom}) and its designated
 * managers per period ({@link FacilityManager}), both child rows whose change raises the version.
 * Its monthly use and yearly monitoring are child rows too (kept by the service, which raises the
 * version). No personal data: the facility's telephone is its own, managers are organisations.
 */
@Entity
@Table(name = "collaboration_facility")
public class Facility extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "code", length = 40)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "name_kana", length = 200)
    private String nameKana;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 40)
    private FacilityKind kind;

    @Column(name = "postal_code", length = 8)
    private String postalCode;

    @Column(name = "address", nullable = false, length = 300)
    private String address;

    @Column(name = "address_detail", length = 200)
    private String addressDetail;

    @Column(name = "latitude", precision = 9, scale = 6)
    private BigDecimal latitude;

    @Column(name = "longitude", precision = 9, scale = 6)
    private BigDecimal longitude;

    @Column(name = "open_days", length = 100)
    private String openDays;

    @Column(name = "opens_at")
    private LocalTime opensAt;

    @Column(name = "closes_at")
    private LocalTime closesAt;

    @Column(name = "opening_note", length = 500)
    private String openingNote;

    @Column(name = "description", length = 2000)
    private String description;

    @Column(name = "barrier_free", length = 500)
    private String barrierFree;

    @Column(name = "phone", length = 30)
    private String phone;

    @Column(name = "url", length = 500)
    private String url;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "invented", nullable = false)
    private boolean invented;

    @OneToMany(mappedBy = "facility", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<FacilityRoom> rooms = new ArrayList<>();

    @OneToMany(mappedBy = "facility", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<FacilityManager> managers = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Facility() {
    }

    /** Where and when: address (住所, 方書, 郵便番号, 緯度・経度) and opening (曜日, 時間, 特記事項). */
    public record Place(String postalCode, String address, String addressDetail, BigDecimal latitude,
            BigDecimal longitude, String openDays, LocalTime opensAt, LocalTime closesAt, String openingNote) {
    }

    public record Room(String name, int capacity) {
    }

    /** 指定管理者 of the fiscal years {@code fromYear}–{@code toYear}, with the selection schedule. */
    public record Manager(UUID partnerId, String organisationName, String corporateNumber, int fromYear, int toYear,
            LocalDate recruitmentOn, LocalDate selectionOn, LocalDate resolutionOn, LocalDate agreementOn) {
    }

    public record Content(String code, String name, String nameKana, String nameEn, FacilityKind kind, Place place,
            String description, String barrierFree, String phone, String url, String note, List<Room> rooms,
            List<Manager> managers, boolean invented) {
    }

    public Facility(Content c) {
        revise(c);
    }

    /** Replaces the fields and child rows; answers whether the child rows changed (the service then raises the version). */
    public final boolean revise(Content c) {
        this.code = c.code();
        this.name = c.name();
        this.nameKana = c.nameKana();
        this.nameEn = c.nameEn();
        this.kind = c.kind();
        Place p = c.place();
        this.postalCode = p.postalCode();
        this.address = p.address();
        this.addressDetail = p.addressDetail();
        // The column's scale: 35.333 and 35.333000 are the same place, so an unchanged body changes nothing.
        this.latitude = p.latitude() == null ? null : p.latitude().setScale(6, java.math.RoundingMode.HALF_UP);
        this.longitude = p.longitude() == null ? null : p.longitude().setScale(6, java.math.RoundingMode.HALF_UP);
        this.openDays = p.openDays();
        this.opensAt = p.opensAt();
        this.closesAt = p.closesAt();
        this.openingNote = p.openingNote();
        this.description = c.description();
        this.barrierFree = c.barrierFree();
        this.phone = c.phone();
        this.url = c.url();
        this.note = c.note();
        this.invented = c.invented();
        boolean changed = false;
        if (!getRooms().equals(c.rooms())) {
            changed = true;
            for (int i = 0; i < c.rooms().size(); i++) {
                Room r = c.rooms().get(i);
                if (i < rooms.size()) {
                    rooms.get(i).revise(r.name(), r.capacity());
                } else {
                    rooms.add(new FacilityRoom(this, i + 1, r.name(), r.capacity()));
                }
            }
            while (rooms.size() > c.rooms().size()) {
                rooms.remove(rooms.size() - 1);
            }
        }
        if (!getManagers().equals(c.managers())) {
            changed = true;
            for (int i = 0; i < c.managers().size(); i++) {
                Manager m = c.managers().get(i);
                if (i < managers.size()) {
                    managers.get(i).revise(m);
                } else {
                    managers.add(new FacilityManager(this, i + 1, m));
                }
            }
            while (managers.size() > c.managers().size()) {
                managers.remove(managers.size() - 1);
            }
        }
        return changed;
    }

    /** The designated manager of a fiscal year, or null (the municipality manages it directly). */
    public Manager managerIn(int fiscalYear) {
        return getManagers().stream().filter(m -> m.fromYear() <= fiscalYear && fiscalYear <= m.toYear()).findFirst()
                .orElse(null);
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNameKana() {
        return nameKana;
    }

    public String getNameEn() {
        return nameEn;
    }

    public FacilityKind getKind() {
        return kind;
    }

    public Place getPlace() {
        return new Place(postalCode, address, addressDetail, latitude, longitude, openDays, opensAt, closesAt,
                openingNote);
    }

    public String getDescription() {
        return description;
    }

    public String getBarrierFree() {
        return barrierFree;
    }

    public String getPhone() {
        return phone;
    }

    public String getUrl() {
        return url;
    }

    public String getNote() {
        return note;
    }

    public boolean isInvented() {
        return invented;
    }

    public List<Room> getRooms() {
        return rooms.stream().map(r -> new Room(r.getName(), r.getCapacity())).toList();
    }

    public List<Manager> getManagers() {
        return managers.stream().map(FacilityManager::toRecord).toList();
    }

    public long getVersion() {
        return version;
    }
}
