package jp.machi.engagement.survey.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * A question of a survey, in its place (seq), of a kind, with its choices (for single and multiple
 * choice) as child rows. A question may carry a metric key: indicators bind to "the share of
 * respondents who chose the counted choices of the question with this key, in the survey of a year".
 */
@Entity
@Table(name = "engagement_survey_question")
public class SurveyQuestion extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "survey_id", nullable = false)
    private Survey survey;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private QuestionKind kind;

    @Column(name = "text", nullable = false, length = 500)
    private String text;

    @Column(name = "required", nullable = false)
    private boolean required;

    @Column(name = "metric_key", length = 40)
    private String metricKey;

    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<SurveyChoice> choices = new ArrayList<>();

    protected SurveyQuestion() {
    }

    SurveyQuestion(Survey survey, int seq, Survey.QuestionSpec spec) {
        this.survey = survey;
        this.seq = seq;
        this.kind = spec.kind();
        this.text = spec.text();
        this.required = spec.required();
        this.metricKey = spec.metricKey();
        int n = 0;
        for (Survey.ChoiceSpec c : spec.choices()) {
            choices.add(new SurveyChoice(this, ++n, c.label(), c.counted()));
        }
    }

    void redefine(Survey.QuestionSpec spec) {
        this.kind = spec.kind();
        this.text = spec.text();
        this.required = spec.required();
        this.metricKey = spec.metricKey();
        List<Survey.ChoiceSpec> cs = spec.choices();
        while (choices.size() > cs.size()) {
            choices.remove(choices.size() - 1);
        }
        for (int i = 0; i < cs.size(); i++) {
            if (i < choices.size()) {
                choices.get(i).redefine(cs.get(i).label(), cs.get(i).counted());
            } else {
                choices.add(new SurveyChoice(this, i + 1, cs.get(i).label(), cs.get(i).counted()));
            }
        }
    }

    Survey.QuestionSpec spec() {
        return new Survey.QuestionSpec(kind, text, required, metricKey,
                choices.stream().map(c -> new Survey.ChoiceSpec(c.getLabel(), c.isCounted())).toList());
    }

    public Optional<SurveyChoice> choice(UUID choiceId) {
        return choices.stream().filter(c -> c.getId().equals(choiceId)).findFirst();
    }

    public UUID getId() {
        return id;
    }

    public Survey getSurvey() {
        return survey;
    }

    public int getSeq() {
        return seq;
    }

    public QuestionKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public boolean isRequired() {
        return required;
    }

    public String getMetricKey() {
        return metricKey;
    }

    public List<SurveyChoice> getChoices() {
        return List.copyOf(choices);
    }
}
