package jp.machi.core.indicator.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.machi.core.indicator.domain.RatingScale.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingScaleTest {

    private static Grade grade(String label, String minimum) {
        return new Grade(label, minimum == null ? null : new BigDecimal(minimum));
    }

    private static RatingScale custom() {
        return new RatingScale(List.of(grade("S", "120"), grade("A", "100"), grade("B", "70"), grade("C", "0")));
    }

    private static List<String> rejected(List<Grade> grades) {
        InvalidRatingScaleException e = assertThrows(InvalidRatingScaleException.class, () -> new RatingScale(grades));
        assertEquals(RatingScale.problems(grades), e.problems(), "the exception reports what problems() finds");
        return e.problems();
    }

    @ParameterizedTest(name = "{0} % → {1}")
    @CsvSource({
        "250, A", "100, A", "100.0, A", "99.9, B", "80, B", "79.9, C", "60, C", "60.0, C", "59.9, D", "0, D", "-10, D"
    })
    void defaultScaleGradesAFrom100BFrom80CFrom60DBelow(String percent, String grade) {
        assertEquals(grade, RatingScale.defaultScale().gradeFor(new BigDecimal(percent)));
    }

    @Test
    void defaultScaleRunsFromAToD() {
        RatingScale scale = RatingScale.defaultScale();
        assertEquals("A", scale.best());
        assertEquals("D", scale.worst());
        assertEquals(List.of("A", "B", "C", "D"), scale.grades().stream().map(Grade::label).toList());
    }

    @ParameterizedTest(name = "{0} % → {1}")
    @CsvSource({"150, S", "120, S", "119.9, A", "100, A", "99.9, B", "70, B", "69.9, C", "0, C", "-1, C"})
    void customScaleGradesWithTheMunicipalitysOwnThresholds(String percent, String grade) {
        assertEquals(grade, custom().gradeFor(new BigDecimal(percent)));
    }

    @Test
    void customScaleBestAndWorstAreFirstAndLast() {
        assertEquals("S", custom().best());
        assertEquals("C", custom().worst());
    }

    @Test
    void singleGradeFromZeroIsAValidScale() {
        RatingScale scale = new RatingScale(List.of(grade("済", "0")));
        assertEquals("済", scale.gradeFor(new BigDecimal("42")));
        assertEquals("済", scale.best());
        assertEquals("済", scale.worst());
    }

    @Test
    void acceptsTenGradesButNotEleven() {
        List<Grade> ten = new ArrayList<>();
        for (int i = 9; i >= 0; i--) {
            ten.add(grade("G" + i, String.valueOf(i * 10)));
        }
        assertEquals(10, new RatingScale(ten).grades().size());
        List<Grade> eleven = new ArrayList<>(List.of(grade("X", "200")));
        eleven.addAll(ten);
        assertEquals(List.of("rating.grades.count"), rejected(eleven));
    }

    @Test
    void scaleIsNotChangedByChangingTheListItWasMadeFrom() {
        List<Grade> grades = new ArrayList<>(List.of(grade("A", "100"), grade("B", "0")));
        RatingScale scale = new RatingScale(grades);
        grades.set(0, grade("Z", "500"));
        assertEquals("A", scale.best());
        assertThrows(UnsupportedOperationException.class, () -> scale.grades().add(grade("C", "0")));
    }

    @Test
    void rejectsEmptyScale() {
        assertEquals(List.of("rating.grades.count"), rejected(List.of()));
    }

    @Test
    void rejectsMissingScaleWithAProblemNotACrash() {
        assertEquals(List.of("rating.grades.count"), RatingScale.problems(null));
        InvalidRatingScaleException e = assertThrows(InvalidRatingScaleException.class, () -> new RatingScale(null));
        assertEquals(List.of("rating.grades.count"), e.problems());
    }

    @Test
    void rejectsMissingGradeWithAProblemNotACrash() {
        assertEquals(List.of("rating.grades.label"), rejected(Arrays.asList(grade("A", "100"), null, grade("C", "0"))));
    }

    @Test
    void rejectsUnorderedThresholds() {
        assertEquals(List.of("rating.grades.order"), rejected(List.of(grade("A", "80"), grade("B", "100"), grade("C", "0"))));
    }

    @Test
    void rejectsEqualThresholds() {
        assertEquals(List.of("rating.grades.order"), rejected(List.of(grade("A", "100"), grade("B", "100.0"), grade("C", "0"))));
    }

    @Test
    void reportsEachKindOfProblemOnce() {
        assertEquals(List.of("rating.grades.order"),
                rejected(List.of(grade("A", "60"), grade("B", "80"), grade("C", "100"), grade("D", "0"))));
        assertEquals(List.of("rating.grades.duplicate"),
                rejected(List.of(grade("A", "100"), grade("A", "80"), grade("A", "0"))));
    }

    @Test
    void rejectsDuplicateLabels() {
        assertEquals(List.of("rating.grades.duplicate"), rejected(List.of(grade("A", "100"), grade("B", "80"), grade("A", "0"))));
    }

    @Test
    void rejectsScaleWhoseLastGradeDoesNotStartAtZero() {
        assertEquals(List.of("rating.grades.lastZero"), rejected(List.of(grade("A", "100"), grade("B", "50"))));
    }

    @Test
    void rejectsNegativeThreshold() {
        assertEquals(List.of("rating.grades.minimum"), rejected(List.of(grade("A", "100"), grade("B", "-10"))));
    }

    @Test
    void rejectsMissingThreshold() {
        assertEquals(List.of("rating.grades.minimum"), rejected(List.of(grade("A", "100"), grade("B", null))));
    }

    @Test
    void rejectsBlankOrOverlongLabels() {
        assertEquals(List.of("rating.grades.label"), rejected(List.of(grade(" ", "0"))));
        assertEquals(List.of("rating.grades.label"), rejected(List.of(grade(null, "0"))));
        assertEquals(List.of("rating.grades.label"), rejected(List.of(grade("ABCDEFGHIJK", "0"))));
        assertEquals("ABCDEFGHIJ", new RatingScale(List.of(grade("ABCDEFGHIJ", "0"))).best());
    }

    @Test
    void reportsEveryKindOfProblemFoundTogether() {
        List<String> problems = rejected(List.of(grade("A", "50"), grade("A", "80"), grade("B", "10")));
        assertTrue(problems.containsAll(List.of("rating.grades.duplicate", "rating.grades.order", "rating.grades.lastZero")),
                problems.toString());
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void validScaleHasNoProblems() {
        assertEquals(List.of(), RatingScale.problems(RatingScale.defaultScale().grades()));
        assertEquals(List.of(), RatingScale.problems(custom().grades()));
    }
}
