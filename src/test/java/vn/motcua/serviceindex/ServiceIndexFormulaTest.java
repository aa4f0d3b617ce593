package vn.motcua.serviceindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.calendar.Deadlines;

/**
 * The index's formulas on a hand-built week (Monday 7 – Sunday 13 September 2026) of marital-status
 * confirmations (1.004873, 3 working days) in Tân Giang, each dossier a case of domain.md §6, and one
 * perfect dossier in Thục Phán for the ranking. The expected figures are worked out below, by hand.
 *
 * <pre>
 *   dossier  accepted  due     ended         status  case
 *   A        07 09:00  10 09:00  09 10:00    10      on time; online; paid online; papers + result digitized; "Hài lòng"
 *   B        07 09:00  10 09:00  11 10:00     9      late; fee paid in cash; one paper of two; "Không hài lòng"
 *   C        07 09:00  10 09:00  12 10:00    10      late after one supplement (the due date already moved by it)
 *   D        07 09:00  10 09:00  08 10:00    10      two supplements after acceptance: late whatever the dates
 *   E        07 09:00  10 09:00  08 10:00     7      withdrawn before the due date: on time
 *   F        07 09:00  10 09:00  09 10:00     8      stopped before the due date: on time
 *   G        08 09:00  11 09:00  —            4      unfinished, due inside the week: late at its end; fee unpaid
 *   H        08 09:00  20 09:00  —            4      unfinished, due after the week: on time; online
 *   J        01 09:00  09 09:00  08 10:00    10      received the week before, ended in this one, on time
 *   I        31/08     03/09     04/09       10      ended before the week: not handled in it
 *   K        —         —         07 10:00     3      not received: not handled
 * </pre>
 * Handled: A–H and J = 9; on time A, E, F, H, J = 5 → 2.1 = 5/9 = 55.56 %. Received in the week: A–H = 8.
 * 1.4: reception synced for A, B (C's still pending) = 2/8 = 25 %. 3.3: A, H online = 2/8 = 25 %
 * (full from 50 %: 0.5). 3.6: fees for A, B, G; A paid online = 1/3. 4.2: A only = 1/8 = 12.5 %
 * (full from 80 %: 0.15625). 2.2: resolved A, B, C, D, J with 1,020 + 2,400 + 1,500 + 600 + 900
 * working minutes = 6,420 / 5 = 1,284 minutes; within the limit (5 × 3 working days), full.
 * 5.4: 1 − (4/9 late + 1/9 not satisfied) = 4/9 = 44.44 % (full from 90 %: 0.4938).
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class ServiceIndexFormulaTest {

    static final LocalDate MONDAY = LocalDate.parse("2026-09-07");
    static final LocalDate SUNDAY = LocalDate.parse("2026-09-13");
    static final String MARITAL = "1.004873";

    @Autowired JdbcClient jdbc;
    @Autowired ServiceIndex index;
    @Autowired Deadlines deadlines;
    @Autowired WeeklyReview review;
    @Autowired WeeklyReports reports;

    @BeforeEach
    void week() {
        if (jdbc.sql("select count(*) from mc_dossier where code = ?").param(code("A")).query(Long.class).single() > 0) {
            return;   // one week for all the tests of this class (its context is its own)
        }
        dossier("A", "tan-giang", "2026-09-07T09:00", "2026-09-10T09:00", "2026-09-09T10:00", 10, 0, "ONLINE", 5000, 1020, 2, 2);
        dossier("B", "tan-giang", "2026-09-07T09:00", "2026-09-10T09:00", "2026-09-11T10:00", 9, 0, "COUNTER", 5000, 2400, 2, 1);
        dossier("C", "tan-giang", "2026-09-07T09:00", "2026-09-10T09:00", "2026-09-12T10:00", 10, 1, "COUNTER", 0, 1500, 1, 0);
        dossier("D", "tan-giang", "2026-09-07T09:00", "2026-09-10T09:00", "2026-09-08T10:00", 10, 2, "COUNTER", 0, 600, 1, 0);
        dossier("E", "tan-giang", "2026-09-07T09:00", "2026-09-10T09:00", "2026-09-08T10:00", 7, 0, "COUNTER", 0, null, 1, 0);
        dossier("F", "tan-giang", "2026-09-07T09:00", "2026-09-10T09:00", "2026-09-09T10:00", 8, 0, "COUNTER", 0, null, 1, 0);
        dossier("G", "tan-giang", "2026-09-08T09:00", "2026-09-11T09:00", null, 4, 0, "COUNTER", 5000, null, 1, 0);
        dossier("H", "tan-giang", "2026-09-08T09:00", "2026-09-20T09:00", null, 4, 0, "ONLINE", 0, null, 1, 0);
        dossier("J", "tan-giang", "2026-09-01T09:00", "2026-09-09T09:00", "2026-09-08T10:00", 10, 0, "COUNTER", 0, 900, 1, 0);
        dossier("I", "tan-giang", "2026-08-31T09:00", "2026-09-03T09:00", "2026-09-04T10:00", 10, 0, "COUNTER", 0, 800, 1, 0);
        dossier("K", "tan-giang", null, null, "2026-09-07T10:00", 3, 0, "COUNTER", 0, null, 1, 0);
        dossier("P", "thuc-phan", "2026-09-08T09:00", "2026-09-11T09:00", "2026-09-09T09:00", 10, 0, "ONLINE", 5000, 480, 1, 1);

        jdbc.sql("insert into mc_result_file (dossier_code, content, file_name, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?)")
                .params(code("A"), "%PDF-1.4".getBytes(), "a.pdf", "test", at("2026-09-09T10:00")).update();
        flag("A", "result_digitized");
        jdbc.sql("insert into mc_result_file (dossier_code, content, file_name, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?)")
                .params(code("P"), "%PDF-1.4".getBytes(), "p.pdf", "test", at("2026-09-09T10:00")).update();
        flag("P", "result_digitized");
        payment("A", true);
        payment("B", false);
        payment("P", true);
        rating("A", "HAI_LONG");
        rating("B", "KHONG_HAI_LONG");
        rating("P", "RAT_HAI_LONG");
        portal("A", "SENT");
        portal("B", "SENT");
        portal("C", "PENDING");
        portal("P", "SENT");
    }

    @Test
    void theWeekOfTanGiangIsWorkedOutByHand() {
        ServiceIndex.Report report = index.compute(MONDAY, SUNDAY, null);
        ServiceIndex.Scope tanGiang = report.communes().stream().filter(s -> s.code().equals("tan-giang")).findFirst().orElseThrow();
        Map<String, ServiceIndex.IndicatorValue> v = indicators(tanGiang);
        assertThat(tanGiang.handled()).isEqualTo(9);
        assertThat(tanGiang.received()).isEqualTo(8);

        assertThat(v.get("1.4")).satisfies(i -> fraction(i, 2, 8, 25.0));
        assertThat(v.get("2.1")).satisfies(i -> fraction(i, 5, 9, 55.56));
        assertThat(v.get("3.3")).satisfies(i -> fraction(i, 2, 8, 25.0));
        assertThat(v.get("3.3").achievement()).isEqualTo(0.5);
        assertThat(v.get("3.6")).satisfies(i -> fraction(i, 1, 3, 33.33));
        assertThat(v.get("4.2")).satisfies(i -> fraction(i, 1, 8, 12.5));
        assertThat(v.get("4.2").achievement()).isEqualTo(0.1563);
        assertThat(v.get("4.2").belowTarget()).isTrue();
        double minutesPerDay = deadlines.time().minutesPerDay();
        assertThat(v.get("2.2").denominator()).isEqualTo(5);
        assertThat(v.get("2.2").value()).isCloseTo(6420.0 / 5 / minutesPerDay, within(0.01));
        assertThat(v.get("2.2").achievement()).isEqualTo(1.0);
        assertThat(v.get("5.4").value()).isEqualTo(44.44);
        assertThat(v.get("5.4").numerator()).as("late or not satisfied: B, C, D, G").isEqualTo(4);
        assertThat(v.get("5.4").achievement()).isEqualTo(0.4938);

        // the groups' points, and the score out of 100
        Map<String, Double> points = tanGiang.groups().stream().collect(Collectors.toMap(ServiceIndex.GroupValue::code, ServiceIndex.GroupValue::points));
        assertThat(points.get("1")).isEqualTo(4.5);                                   // 18 × 0.25
        assertThat(points.get("2")).isCloseTo(20 * (5.0 / 9 + 1) / 2, within(0.01));  // 15.56
        assertThat(points.get("3")).isEqualTo(6.0);                                   // 12 × 0.5
        assertThat(points.get("4")).isCloseTo(10.0 / 3, within(0.01));                // 3.33
        assertThat(points.get("5")).isCloseTo(18 * 0.4938, within(0.01));             // 8.89
        assertThat(points.get("6")).isCloseTo(22 * 0.15625, within(0.01));            // 3.44
        assertThat(tanGiang.score()).isCloseTo(4.5 + 15.56 + 6 + 3.33 + 8.89 + 3.44, within(0.03));

        // Thục Phán's one perfect dossier ranks first; the province sums both
        ServiceIndex.Scope thucPhan = report.communes().get(0);
        assertThat(thucPhan.code()).isEqualTo("thuc-phan");
        assertThat(thucPhan.rank()).isEqualTo(1);
        assertThat(thucPhan.score()).isEqualTo(100.0);
        assertThat(tanGiang.rank()).isEqualTo(2);
        assertThat(indicators(report.province()).get("2.1")).satisfies(i -> fraction(i, 6, 10, 60.0));
        assertThat(report.procedures()).extracting(ServiceIndex.Scope::code).containsExactly(MARITAL);
    }

    @Test
    void severalWeeksAtOnceAreEachTheWeekOnItsOwn() {
        ServiceIndex.Period week = new ServiceIndex.Period(MONDAY, SUNDAY);
        ServiceIndex.Period weekBefore = new ServiceIndex.Period(MONDAY.minusWeeks(1), SUNDAY.minusWeeks(1));
        ServiceIndex.Period empty = new ServiceIndex.Period(LocalDate.parse("2026-08-10"), LocalDate.parse("2026-08-16"));
        List<ServiceIndex.Report> weeks = index.compute(List.of(week, weekBefore, empty), null);
        assertThat(weeks).extracting(ServiceIndex.Report::from).as("in the order asked")
                .containsExactly(MONDAY, MONDAY.minusWeeks(1), LocalDate.parse("2026-08-10"));
        assertThat(weeks.get(0)).as("the week worked out by hand above").usingRecursiveComparison().ignoringFields("computedAt")
                .isEqualTo(index.compute(MONDAY, SUNDAY, null));
        assertThat(indicators(weeks.get(0).province()).get("2.1")).satisfies(i -> fraction(i, 6, 10, 60.0));

        // the week before: I (due 3/9, ended 4/9: late) and J (due 9/9, still within its time when the week ended)
        ServiceIndex.Scope before = weeks.get(1).communes().stream().filter(s -> s.code().equals("tan-giang")).findFirst().orElseThrow();
        assertThat(weeks.get(1).communes()).extracting(ServiceIndex.Scope::code).containsExactly("tan-giang");
        assertThat(before.handled()).isEqualTo(2);
        assertThat(before.received()).isEqualTo(2);
        assertThat(indicators(before).get("2.1")).satisfies(i -> fraction(i, 1, 2, 50.0));
        assertThat(indicators(before).get("2.2").denominator()).as("I resolved in it").isEqualTo(1);
        assertThat(indicators(before).get("2.2").value()).isCloseTo(800.0 / deadlines.time().minutesPerDay(), within(0.01));

        assertThat(weeks.get(2).province().score()).as("nothing handled").isNull();
        assertThat(weeks.get(2).communes()).isEmpty();

        List<ServiceIndex.Report> alone = index.compute(List.of(week, weekBefore), "tan-giang");
        assertThat(alone.get(0)).usingRecursiveComparison().ignoringFields("computedAt").isEqualTo(index.compute(MONDAY, SUNDAY, "tan-giang"));
        assertThat(alone.get(1).communes()).singleElement().satisfies(s -> assertThat(s.handled()).isEqualTo(2));
        // a commune's weekly review takes its scope from the province's weeks: the same figures as the commune asked alone
        for (int w = 0; w < 2; w++) {
            ServiceIndex.Scope inProvince = weeks.get(w).communes().stream().filter(s -> s.code().equals("tan-giang")).findFirst().orElseThrow();
            assertThat(inProvince).usingRecursiveComparison().ignoringFields("rank").isEqualTo(alone.get(w).communes().get(0));
        }
        WeeklyReview.Review communes = review.of(MONDAY, "tan-giang");
        assertThat(communes.score()).isEqualTo(alone.get(0).communes().get(0).score());
        assertThat(communes.previousScore()).isEqualTo(alone.get(1).communes().get(0).score());
        assertThat(communes.trend().get(10).score()).isEqualTo(alone.get(1).communes().get(0).score());
    }

    @Test
    void theDossiersBehindEachFigureAreTheOnesTheFigureCounts() {
        assertThat(codes(index.dossiers(Indicator.ON_TIME, false, MONDAY, SUNDAY, "tan-giang", null, 0, 100)))
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "J");
        assertThat(codes(index.dossiers(Indicator.ON_TIME, true, MONDAY, SUNDAY, "tan-giang", null, 0, 100)))
                .containsExactly("A", "E", "F", "H", "J");
        assertThat(codes(index.dossiers(Indicator.SATISFACTION, true, MONDAY, SUNDAY, "tan-giang", null, 0, 100)))
                .containsExactly("B", "C", "D", "G");
        assertThat(codes(index.dossiers(Indicator.DIGITIZED, true, MONDAY, SUNDAY, null, null, 0, 100))).containsExactly("A", "P");
        assertThat(codes(index.dossiers(Indicator.ONLINE_PAYMENT, false, MONDAY, SUNDAY, "tan-giang", MARITAL, 0, 100)))
                .containsExactly("A", "B", "G");
        assertThat(codes(index.dossiers(Indicator.ON_TIME, false, MONDAY, SUNDAY, "tan-giang", null, 2, 3)))
                .as("a page").containsExactly("C", "D", "E");
    }

    @Test
    void aCommuneAloneHasNoProvinceAndAnEmptyPeriodIsNotJudged() {
        ServiceIndex.Report alone = index.compute(MONDAY, SUNDAY, "tan-giang");
        assertThat(alone.province()).isNull();
        assertThat(alone.communes()).extracting(ServiceIndex.Scope::code).containsExactly("tan-giang");
        ServiceIndex.Report empty = index.compute(LocalDate.parse("2026-08-10"), LocalDate.parse("2026-08-16"), null);
        assertThat(empty.province().score()).isNull();
        assertThat(empty.province().groups()).allSatisfy(g -> assertThat(g.judged()).isFalse());
        assertThat(empty.communes()).isEmpty();
    }

    @Test
    void theWeeklyReviewRanksTheCommunesListsTheLateDossiersAndFitsOnOnePage() throws Exception {
        WeeklyReview.Review r = review.of(MONDAY, null);
        assertThat(r.ranking()).extracting(WeeklyReview.RankedCommune::code, WeeklyReview.RankedCommune::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("thuc-phan", 1), org.assertj.core.groups.Tuple.tuple("tan-giang", 2));
        assertThat(r.ranking().get(0).change()).as("no figures the week before").isNull();
        assertThat(r.late()).extracting(l -> l.code().substring(l.code().lastIndexOf('-') + 1)).containsExactly("B", "C", "D", "G");
        assertThat(r.late().get(2).reason()).isEqualTo("Yêu cầu bổ sung hồ sơ 2 lần sau khi tiếp nhận");
        assertThat(r.trend()).hasSize(12);
        assertThat(r.trend().get(11).score()).isEqualTo(r.score());
        assertThat(r.trend().get(10).weekStart()).isEqualTo(LocalDate.parse("2026-08-31"));
        assertThat(r.trend().get(10).score()).as("I was handled the week before").isNotNull();
        assertThat(r.trend().get(0).score()).as("nothing twelve weeks ago").isNull();
        assertThat(r.indicators()).filteredOn(i -> Boolean.TRUE.equals(i.belowTarget())).extracting(ServiceIndex.IndicatorValue::code)
                .containsExactlyInAnyOrder("3.3", "4.2", "5.4");

        byte[] pdf = review.pdf(r, "Tỉnh Cao Bằng");
        java.nio.file.Path file = java.nio.file.Path.of("target/screenshots/weekly-review/" + getClass().getSimpleName() + ".pdf");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).as("one page for the Monday meeting").isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("BÁO CÁO CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP", "Tỉnh Cao Bằng – Toàn tỉnh – tuần từ 07/09/2026 đến 13/09/2026",
                    "Xu hướng điểm chỉ số 12 tuần gần nhất", "Xếp hạng xã, phường", "Hồ sơ trễ hạn trong tuần: 4", code("G"),
                    "Tỷ lệ hồ sơ giải quyết đúng hạn", "55,56 %");
        }
    }

    @Test
    void mondaysReviewIsGeneratedOnceWhenTwoNodesFireAtOnce() throws Exception {
        LocalDate week = LocalDate.parse("2026-09-07");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = nodes.invokeAll(List.of(
                    () -> { together.await(); return reports.generate(week); },
                    () -> { together.await(); return reports.generate(week); }));
            assertThat(List.of(runs.get(0).get(), runs.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            nodes.shutdown();
        }
        assertThat(reports.generate(week)).as("a later Monday or restart").isFalse();
        assertThat(reports.stored()).extracting(WeeklyReports.Stored::weekStart).contains(week);
        assertThat(new String(reports.pdf(week).orElseThrow(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    private static List<String> codes(List<ServiceIndex.DossierLine> lines) {
        return lines.stream().map(l -> l.code().substring(l.code().lastIndexOf('-') + 1)).toList();
    }

    private static void fraction(ServiceIndex.IndicatorValue i, long numerator, long denominator, double percent) {
        assertThat(i.numerator()).as(i.code() + " numerator").isEqualTo(numerator);
        assertThat(i.denominator()).as(i.code() + " denominator").isEqualTo(denominator);
        assertThat(i.value()).as(i.code() + " value").isCloseTo(percent, within(0.01));
    }

    private static Map<String, ServiceIndex.IndicatorValue> indicators(ServiceIndex.Scope scope) {
        return scope.groups().stream().flatMap(g -> g.indicators().stream())
                .collect(Collectors.toMap(ServiceIndex.IndicatorValue::code, i -> i));
    }

    static String code(String letter) {
        return "TEST-260907-" + letter;
    }

    private void dossier(String letter, String commune, String accepted, String due, String ended, int status, int supplements,
                         String channel, long fee, Integer minutes, int papers, int digitized) {
        String agency = jdbc.sql("select agency_id from mc_commune where code = ?").param(commune).query(String.class).single();
        jdbc.sql("""
                        insert into mc_dossier (code, procedure_code, commune_code, agency_id, channel, return_method, status,
                          applicant_name, applicant_id_number, applicant_phone, applicant_address, submitted_at, accepted_at,
                          appointment_at, original_appointment_at, ended_at, processing_minutes, processing_supplements,
                          supplement_count, fee_amount, paper_count, digitized_papers)
                        values (?, ?, ?, ?, ?, 'COUNTER', ?, 'Nguyễn Văn Thử', '001090000001', '0912345678', 'Tân Giang',
                          ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(code(letter), MARITAL, commune, agency, channel, status,
                        at(accepted == null ? ended : accepted), at(accepted), at(due), at(due), at(ended),
                        minutes == null ? null : minutes.longValue(), supplements, supplements, fee, papers, digitized)
                .update();
    }

    private void payment(String letter, boolean online) {
        jdbc.sql("""
                        insert into mc_payment (dossier_code, amount, method, online, reference, recorded_by, paid_at, state, amount_due)
                        values (?, 5000, ?, ?, 'REF', 'test', ?, 'PAID', 5000)""")
                .params(code(letter), online ? "GATEWAY" : "CASH", online, at("2026-09-07T10:00")).update();
        if (online) flag(letter, "paid_online");
    }

    /** What the service keeps on the dossier when the event happens (Payments, OutboxDispatcher, Documents). */
    private void flag(String letter, String column) {
        jdbc.sql("update mc_dossier set " + column + " = true where code = ?").param(code(letter)).update();
    }

    private void rating(String letter, String level) {
        long id = jdbc.sql("select id from mc_dossier where code = ?").param(code(letter)).query(Long.class).single();
        jdbc.sql("insert into mc_rating (dossier_id, level, via, recorded_by, rated_at) values (?, ?, 'ONLINE', 'test', ?)")
                .params(id, level, at("2026-09-12T10:00")).update();
        jdbc.sql("update mc_dossier set rating_level = ? where id = ?").params(level, id).update();   // as Ratings keeps it
    }

    private void portal(String letter, String state) {
        jdbc.sql("""
                        insert into mc_outbox (dossier_code, channel, kind, payload, created_at, state, attempts, next_attempt_at)
                        values (?, 'PORTAL', 'STATUS', '{}', ?, ?, 1, ?)""")
                .params(code(letter), at("2026-09-07T09:00"), state, at("2026-09-07T09:00")).update();
        if (state.equals("SENT")) flag(letter, "portal_synced");
    }

    private static OffsetDateTime at(String local) {
        return local == null ? null : java.time.LocalDateTime.parse(local).atZone(ServiceIndex.ZONE).toOffsetDateTime();
    }
}
