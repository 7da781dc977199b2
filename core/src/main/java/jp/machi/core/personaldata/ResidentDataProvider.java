package jp.machi.core.personaldata;

import java.util.List;
import jp.machi.core.i18n.LocalizedText;

/**
 * Implemented (as a CDI bean) by every module that keeps residents' personal data, so that core can
 * answer a resident's request for their data and anonymise what is past its retention period
 * across all modules. Core calls both methods in a transaction bound to the municipality, as the
 * caller of the request (or as the system for the daily run): use {@code Tenancy.em()}.
 *
 * <p>A provider for the rows of one entity type extends {@link EntityResidentData}, which does what
 * every provider does the same way; implement this interface directly only for anything else.
 */
public interface ResidentDataProvider {

    /** A stable id, e.g. {@code engagement.voices}. */
    String source();

    /** What the records are, for people: 市民の声 / Citizen voices. */
    LocalizedText label();

    /** Every record of {@code lgCode} about the resident (matched by e-mail or phone), in full. */
    List<ResidentRecord> export(String lgCode, ResidentQuery query);

    /**
     * Anonymises the personal data of the records of {@code lgCode} that are past {@code retention}
     * (closed before {@link Retention#closedBefore()}), keeping the records themselves. Returns how
     * many records changed; running it again changes nothing.
     */
    int anonymiseExpired(String lgCode, Retention retention);
}
