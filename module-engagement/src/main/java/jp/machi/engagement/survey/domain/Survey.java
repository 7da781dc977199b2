package jp.machi.engagement.survey.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.core.persistence.TenantOwned;

/**
 * 市民意識調査・アンケート: a survey of the municipality's residents in a fiscal year, open for answers
 * over a period, sent to a population (e.g. 2,000 residents drawn from the register), asking the
 * coarse attributes results are broken down by (age group, district, sex) and its ordered questions
 * (child rows, each with its choices: every change raises the survey's version). Answers are rows of
 * their own ({@link SurveyResponse}), anonymous. Holds no personal data.
 */
@Entity
@Table(name = "engagement_survey")
public class Survey extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "description", length = 2000)
    private String description;

    @Column(name = "opens_on", nullable = false)
    private LocalDate opensOn;

    @Column(name = "closes_on", nullable = false)
    private LocalDate closesOn;

    @Column(name = "population")
    private Integer population;

    @Column(name = "unit_id")
    private UUID unitId;

    @Column(name = "attributes", length = 100)
    private String attributes;

    @Column(name = "districts", length = 2000)
    private String districts;

    @Column(name = "uses_codes", nullable = false)
    private boolean usesCodes;

    @Column(name = "codes_issued", nullable = false)
    private int codesIssued;

    @Column(name = "results_published", nullable = false)
    private boolean resultsPublished;

    @Column(name = "results_published_at")
    private OffsetDateTime resultsPublishedAt;

    @OneToMany(mappedBy = "survey", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<SurveyQuestion> questions = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Survey() {
    }

    /** What staff give for a survey, besides its questions. */
    public record Details(int fiscalYear, String title, String description, LocalDate opensOn, LocalDate closesOn,
            Integer population, UUID unitId, Set<Attribute> attributes, List<String> districts, boolean usesCodes,
            boolean resultsPublished) {
    }

    /** A question as staff give it; its choices in order. */
    public record QuestionSpec(QuestionKind kind, String text, boolean required, String metricKey,
            List<ChoiceSpec> choices) {
    }

    /** A choice; {@code counted}: it counts toward the question's indicator metric. */
    public record ChoiceSpec(String label, boolean counted) {
    }

    public Survey(Details d, OffsetDateTime now) {
        edit(d, now);
    }

    public final void edit(Details d, OffsetDateTime now) {
        this.fiscalYear = d.fiscalYear();
        this.title = d.title();
        this.description = d.description();
        this.opensOn = d.opensOn();
        this.closesOn = d.closesOn();
        this.population = d.population();
        this.unitId = d.unitId();
        this.attributes = d.attributes().isEmpty() ? null
                : d.attributes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.districts = d.districts().isEmpty() ? null : String.join("\n", d.districts());
        this.usesCodes = d.usesCodes();
        if (d.resultsPublished() && !resultsPublished) {
            this.resultsPublishedAt = now;
        } else if (!d.resultsPublished()) {
            this.resultsPublishedAt = null;
        }
        this.resultsPublished = d.resultsPublished();
    }

    /**
     * Makes the questions say what {@code specs} say (only while no answer exists: the caller checks).
     * Rows are changed in place by position, extra ones removed and new ones added after them, so a
     * question's or choice's place is never held by two rows at once.
     */
    public void replaceQuestions(List<QuestionSpec> specs) {
        while (questions.size() > specs.size()) {
            questions.remove(questions.size() - 1);
        }
        for (int i = 0; i < specs.size(); i++) {
            if (i < questions.size()) {
                questions.get(i).redefine(specs.get(i));
            } else {
                questions.add(new SurveyQuestion(this, i + 1, specs.get(i)));
            }
        }
    }

    /** Whether {@code specs} say exactly what the questions say now. */
    public boolean sameQuestions(List<QuestionSpec> specs) {
        return questions.stream().map(SurveyQuestion::spec).toList().equals(specs);
    }

    public void codesIssued(int n) {
        this.codesIssued += n;
    }

    /** 回答受付中: today (in Japan) within the period. */
    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    public Optional<SurveyQuestion> question(UUID questionId) {
        return questions.stream().filter(q -> q.getId().equals(questionId)).findFirst();
    }

    public UUID getId() {
        return id;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public Integer getPopulation() {
        return population;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public Set<Attribute> getAttributes() {
        Set<Attribute> s = EnumSet.noneOf(Attribute.class);
        if (attributes != null) {
            Arrays.stream(attributes.split(",")).map(Attribute::valueOf).forEach(s::add);
        }
        return s;
    }

    public List<String> getDistricts() {
        return districts == null ? List.of() : List.of(districts.split("\n"));
    }

    public boolean isUsesCodes() {
        return usesCodes;
    }

    public int getCodesIssued() {
        return codesIssued;
    }

    public boolean isResultsPublished() {
        return resultsPublished;
    }

    public OffsetDateTime getResultsPublishedAt() {
        return resultsPublishedAt;
    }

    public List<SurveyQuestion> getQuestions() {
        return List.copyOf(questions);
    }

    public long getVersion() {
        return version;
    }
}
