package jp.machi.promotion.donation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * ポータルサイト: a portal site (ふるさとチョイス, 楽天ふるさと納税 …) whose donation exports the
 * municipality imports, with the saved column mapping: which column of the site's CSV holds the
 * order id, the day, the amount, the donor's name … (by the header's text). The site's name is
 * written as the imported donations' channel.
 */
@Entity
@Table(name = "promotion_import_site")
@NamedQuery(name = "ImportSite.byName", query = "SELECT s FROM ImportSite s WHERE s.name = :name")
public class ImportSite extends TenantOwned {

    /** The fields of a donation a column may be mapped to, in the order forms show them. */
    public enum Field {
        ORDER_ID(true), RECEIVED_ON(true), AMOUNT(true), NAME(true), KANA(false), POSTAL_CODE(false), ADDRESS(false),
        PHONE(false), EMAIL(false), PAYMENT(false), USE(false), GIFT(false), PUBLISH_NAME(false);

        private final boolean required;

        Field(boolean required) {
            this.required = required;
        }

        public boolean required() {
            return required;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "order_id_column", nullable = false, length = 100)
    private String orderIdColumn;

    @Column(name = "received_on_column", nullable = false, length = 100)
    private String receivedOnColumn;

    @Column(name = "amount_column", nullable = false, length = 100)
    private String amountColumn;

    @Column(name = "name_column", nullable = false, length = 100)
    private String nameColumn;

    @Column(name = "kana_column", length = 100)
    private String kanaColumn;

    @Column(name = "postal_code_column", length = 100)
    private String postalCodeColumn;

    @Column(name = "address_column", length = 100)
    private String addressColumn;

    @Column(name = "phone_column", length = 100)
    private String phoneColumn;

    @Column(name = "email_column", length = 100)
    private String emailColumn;

    @Column(name = "payment_column", length = 100)
    private String paymentColumn;

    @Column(name = "use_column", length = 100)
    private String useColumn;

    @Column(name = "gift_column", length = 100)
    private String giftColumn;

    @Column(name = "publish_name_column", length = 100)
    private String publishNameColumn;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_payment_method", nullable = false, length = 30)
    private PaymentMethod defaultPaymentMethod;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ImportSite() {
    }

    /** The site as one edit: its name, the header text of each mapped field, the payment method when no column says. */
    public record Content(String name, Map<Field, String> columns, PaymentMethod defaultPaymentMethod) {
    }

    public ImportSite(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.name = c.name();
        Map<Field, String> m = c.columns();
        this.orderIdColumn = m.get(Field.ORDER_ID);
        this.receivedOnColumn = m.get(Field.RECEIVED_ON);
        this.amountColumn = m.get(Field.AMOUNT);
        this.nameColumn = m.get(Field.NAME);
        this.kanaColumn = m.get(Field.KANA);
        this.postalCodeColumn = m.get(Field.POSTAL_CODE);
        this.addressColumn = m.get(Field.ADDRESS);
        this.phoneColumn = m.get(Field.PHONE);
        this.emailColumn = m.get(Field.EMAIL);
        this.paymentColumn = m.get(Field.PAYMENT);
        this.useColumn = m.get(Field.USE);
        this.giftColumn = m.get(Field.GIFT);
        this.publishNameColumn = m.get(Field.PUBLISH_NAME);
        this.defaultPaymentMethod = c.defaultPaymentMethod();
    }

    /** The mapped fields and their header text, in the order of {@link Field}; unmapped fields left out. */
    public Map<Field, String> columns() {
        Map<Field, String> m = new LinkedHashMap<>();
        put(m, Field.ORDER_ID, orderIdColumn);
        put(m, Field.RECEIVED_ON, receivedOnColumn);
        put(m, Field.AMOUNT, amountColumn);
        put(m, Field.NAME, nameColumn);
        put(m, Field.KANA, kanaColumn);
        put(m, Field.POSTAL_CODE, postalCodeColumn);
        put(m, Field.ADDRESS, addressColumn);
        put(m, Field.PHONE, phoneColumn);
        put(m, Field.EMAIL, emailColumn);
        put(m, Field.PAYMENT, paymentColumn);
        put(m, Field.USE, useColumn);
        put(m, Field.GIFT, giftColumn);
        put(m, Field.PUBLISH_NAME, publishNameColumn);
        return m;
    }

    private static void put(Map<Field, String> m, Field f, String header) {
        if (header != null) {
            m.put(f, header);
        }
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public PaymentMethod getDefaultPaymentMethod() {
        return defaultPaymentMethod;
    }

    public long getVersion() {
        return version;
    }
}
