package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.DossierSteps.AtStep;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;
import vn.motcua.support.WebappSession;

/**
 * The hostile-input suite: well over a thousand generated malformed requests — wrong types, over-long
 * and control-character texts, broken and deep JSON, wrong content types, out-of-range dates and
 * numbers, unknown ids, variables a task may not write — against motcua's API and Camunda's REST
 * API as the real officials and clients. It asserts that none is answered with a 5xx, that every
 * refusal is {@code application/problem+json} and every 400 names a field, and that no dossier,
 * process instance, status, payment, outbox message or operation-log row came of them. The operators'
 * actuator gets its own requests (credentials and headers of every kind, from a client address of their
 * own) and must answer each with the statuses it allows, never metrics to whom may not read them. Runs
 * once per database.
 */
@AutoConfigureObservability(tracing = false)
abstract class HostileInputSuite {

    static final String PAYMENT_SECRET = "hostile-suite-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COUNTED = List.of("mc_dossier", "mc_dossier_status", "mc_outbox", "mc_payment",
            "mc_handover", "mc_inbox", "mc_api_client", "mc_agency_part", "mc_rating", "mc_component_file", "act_ru_execution", "act_ru_variable", "act_hi_op_log", "act_hi_comment");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ApiClients clients;

    /** One generated request and who sends it. */
    record Attack(String label, String method, String path, String body, String contentType, String user) {
        /** A read (GET, or a query sent as POST): it may be answered 200, never 5xx. */
        boolean read() {
            return method.equals("GET") || label.startsWith("task query");
        }
    }

    @Test
    void noMalformedRequestGetsAServerErrorOrChangesAnything() {
        Http http = new Http(port);
        DossierSteps steps = new DossierSteps(http);
        AtStep reception = steps.submitted("tan-giang");
        AtStep appraisal = steps.atAppraisal();
        AtStep review = steps.atReview();
        AtStep postConfirmation = steps.atPostConfirmation();
        AtStep agencyResult = atAgencyResult(http);
        AtStep approval = steps.atApproval();
        http.complete("tan-giang.leader", approval.taskId(), Map.of("leaderDecision", "APPROVE")).expect(204);
        AtStep returning = steps.at(approval.code(), "tan-giang.reception");
        String police = "key:" + clients.issue("hostile-cong-an", java.util.Set.of(Scopes.AGENCY_POLICE));
        String bhxh = "key:" + clients.issue("hostile-bhxh", java.util.Set.of(Scopes.AGENCY_BHXH));
        List<Attack> attacks = new ArrayList<>();
        String tax = "key:" + clients.issue("hostile-thue", java.util.Set.of(Scopes.AGENCY_TAX));
        List<Probe> probes = actuatorProbes(clients.issue("hostile-prometheus", java.util.Set.of(Scopes.READ_METRICS)));
        agencyAttacks(attacks, agencyResult, reception, police, bhxh, tax);
        engineAttacks(attacks, reception, appraisal);
        stopAttacks(attacks, review);
        postAttacks(attacks, postConfirmation);
        intakeAttacks(attacks);
        apiAttacks(attacks, reception);
        returnAttacks(attacks, returning);
        assertThat(attacks.size()).as("generated requests").isGreaterThanOrEqualTo(1000);

        Map<String, Long> before = counts();
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (Attack a : attacks) {
            Http.Response r = http.send(a.method(), a.path(), a.body(), a.contentType(), a.user());
            refused += judge(failures, a, a.label(), a.path(), r.status(), r.contentType(), r.text());
        }
        // the same attacks on Camunda's API through Tasklist's own copy of it, from each official's logged-in browser
        Map<String, WebappSession> sessions = new LinkedHashMap<>();
        int throughTasklist = 0;
        for (Attack a : attacks) {
            if (!a.path().startsWith("/engine-rest/") || a.user() == null || a.user().contains(":")) continue;
            WebappSession session = sessions.computeIfAbsent(a.user(), u -> new WebappSession(port, u));
            String path = WebappSession.ENGINE + a.path().substring("/engine-rest/".length());
            WebappSession.Response r = session.send(a.method(), path, a.body(), a.contentType());
            throughTasklist++;
            refused += judge(failures, a, "Tasklist: " + a.label(), path, r.status(), r.contentType(), r.text());
        }
        assertThat(throughTasklist).as("attacks sent again through Tasklist's API").isGreaterThanOrEqualTo(500);
        RawHttp stranger = new RawHttp("127.0.0.7", port);
        for (Probe p : probes) {
            RawHttp.Response r = stranger.send(p.method(), p.path(), p.headers(), null, null);
            String where = p.label() + " " + p.method() + " " + abbreviate(p.path()) + " -> " + r.status() + " " + abbreviate(r.text());
            String failure = failure(r.status(), String.valueOf(r.header("Content-Type")), r.text());
            if (failure != null) {
                failures.add(failure + ": " + where);
            } else if (!p.allowed().contains(r.status())) {
                failures.add("not " + p.allowed() + ": " + where);
            } else if (r.status() >= 400) {
                refused++;
            }
        }
        int sent = attacks.size() + throughTasklist + probes.size();
        System.out.printf("HOSTILE INPUT: %d requests (%d of them through Tasklist's API), %d refused with 4xx, %d failures%n", sent,
                throughTasklist, refused, failures.size());
        assertThat(failures).as("%d of %d requests", failures.size(), sent).isEmpty();
        assertThat(counts()).as("rows created by refused requests").isEqualTo(before);
        assertThat(steps.at(reception.code(), "tan-giang.reception").taskId()).isEqualTo(reception.taskId());
        assertThat(steps.at(appraisal.code(), "tan-giang.vp.specialist1").taskId()).isEqualTo(appraisal.taskId());
        assertThat(steps.at(review.code(), "tan-giang.vp.head").taskId()).isEqualTo(review.taskId());
        assertThat(steps.at(postConfirmation.code(), "tan-giang.reception").taskId()).isEqualTo(postConfirmation.taskId());
        assertThat(steps.at(returning.code(), "tan-giang.reception").taskId()).isEqualTo(returning.taskId());
        assertThat(http.tasks("tan-giang.reception", agencyResult.code())).extracting(t -> t.get("id").asText())
                .contains(agencyResult.taskId()).hasSize(2);
    }

    /** Judges an attack's answer: a failure is added, or 1 is returned when it was refused with a 4xx problem. */
    private static int judge(List<String> failures, Attack a, String label, String path, int status, String contentType, String text) {
        String where = label + " " + a.method() + " " + abbreviate(path) + " -> " + status + " " + abbreviate(text);
        String failure = failure(status, contentType, text);
        if (failure != null) {
            failures.add(failure + ": " + where);
        } else if (status >= 400) {
            return 1;
        } else if (!a.read()) {
            failures.add("accepted: " + where);
        }
        return 0;
    }

    /** An inter-agency bundle (3.000722, no agency connected) whose two agency parts wait for the one-stop's record. */
    private static AtStep atAgencyResult(Http http) {
        Map<String, Object> body = new LinkedHashMap<>(Submissions.birthRegistration("tan-giang", "COUNTER"));
        body.put("procedureCode", "3.000722");
        body.put("components", List.of(
                Map.of("name", "Tờ khai điện tử liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế (Mẫu số 01)", "copies", 1),
                Map.of("name", "Giấy chứng sinh hoặc giấy tờ thay giấy chứng sinh", "copies", 1)));
        String code = http.post("/api/dossiers", body, Http.PORTAL).expect(201).body().get("code").asText();
        for (String[] step : new String[][] {{"tan-giang.reception", "receptionDecision", "ACCEPT"},
                {"tan-giang.vp.head", "specialistId", "tan-giang.vp.specialist1"}}) {
            http.complete(step[0], http.tasks(step[0], code).get(0).get("id").asText(), Map.of(step[1], step[2])).expect(204);
        }
        http.complete("tan-giang.vp.specialist1", http.tasks("tan-giang.vp.specialist1", code).get(0).get("id").asText(),
                Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh cho cháu Lục Văn An")).expect(204);
        http.complete("tan-giang.vp.head", http.tasks("tan-giang.vp.head", code).get(0).get("id").asText(),
                Map.of("headDecision", "APPROVE")).expect(204);
        http.complete("tan-giang.leader", http.tasks("tan-giang.leader", code).get(0).get("id").asText(),
                Map.of("leaderDecision", "APPROVE")).expect(204);
        com.fasterxml.jackson.databind.JsonNode task = http.tasks("tan-giang.reception", code).stream()
                .filter(t -> t.get("name").asText().contains("Công an xã")).findFirst().orElseThrow();
        return new AtStep(code, task.get("id").asText(), task.get("processInstanceId").asText());
    }

    /**
     * The agencies' events (each field of its kind and length, the reporting agency's own parts, a
     * known dossier that waits for the part) and the one-stop's record of an agency's result.
     */
    private static void agencyAttacks(List<Attack> attacks, AtStep agency, AtStep reception, String police, String bhxh, String tax) {
        String events = "/api/integrations/agencies/events";
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", "hostile-ev-1");
        event.put("dossierCode", agency.code());
        event.put("agency", "CONG_AN");
        event.put("part", "THUONG_TRU");
        event.put("outcome", "DONE");
        event.put("resultNumber", "CT08-2026-1");
        event.put("detail", "Đã đăng ký thường trú");
        List<Object> hostile = List.of(12, 1.5, true, "x".repeat(5000), "a\u0000b", "a\u0007b", List.of(), Map.of(), -1, Long.MAX_VALUE, "");
        for (String path : paths(event, "")) {
            for (Object value : hostile) {
                if (path.equals("detail") && value.equals("")) continue;   // an empty note is no note: the event is valid
                attacks.add(new Attack("agency event " + path, "POST", events, json(replace(event, path, value)), "application/json", police));
            }
            Map<String, Object> missing = new LinkedHashMap<>(event);
            missing.remove(path);
            if (!path.equals("detail")) {
                attacks.add(new Attack("agency event without " + path, "POST", events, json(missing), "application/json", police));
            }
        }
        for (String[] bad : new String[][] {{"agency", "CONG_AN "}, {"agency", "cong_an"}, {"agency", "CÔNG_AN"}, {"part", "THE_BHYT"},
                {"part", "thuong_tru"}, {"outcome", "done"}, {"outcome", "XONG"}, {"dossierCode", "000.03.04.H11-991231-9999"}}) {
            Map<String, Object> changed = new LinkedHashMap<>(event);
            changed.put(bad[0], bad[1]);
            attacks.add(new Attack("agency event " + bad[0] + "=" + bad[1], "POST", events, json(changed), "application/json", police));
        }
        Map<String, Object> refusedWithoutReason = new LinkedHashMap<>(event);
        refusedWithoutReason.put("outcome", "REFUSED");
        refusedWithoutReason.remove("detail");
        attacks.add(new Attack("agency refusal without a reason", "POST", events, json(refusedWithoutReason), "application/json", police));
        // who reports: nobody, the portal, the other agency, an official; and a part the dossier does not wait for
        attacks.add(new Attack("agency event without a key", "POST", events, json(event), "application/json", null));
        attacks.add(new Attack("agency event by the portal", "POST", events, json(event), "application/json", Http.PORTAL));
        attacks.add(new Attack("agency event by another agency", "POST", events, json(event), "application/json", bhxh));
        attacks.add(new Attack("agency event by the tax authority", "POST", events, json(event), "application/json", tax));
        Map<String, Object> taxPart = new LinkedHashMap<>(event);
        taxPart.put("agency", "THUE");
        taxPart.put("part", "NGHIA_VU_TAI_CHINH");
        attacks.add(new Attack("tax event by the police", "POST", events, json(taxPart), "application/json", police));
        attacks.add(new Attack("tax event for a dossier with no financial obligation", "POST", events, json(taxPart), "application/json", tax));
        Map<String, Object> taxClaimsPolicePart = new LinkedHashMap<>(event);
        taxClaimsPolicePart.put("agency", "THUE");
        attacks.add(new Attack("tax event for the police's part", "POST", events, json(taxClaimsPolicePart), "application/json", tax));
        attacks.add(new Attack("agency event by a clerk", "POST", events, json(event), "application/json", "tan-giang.reception"));
        attacks.add(new Attack("agency event with a wrong key", "POST", events, json(event), "application/json", "key:mc_khong-dung"));
        Map<String, Object> notWaiting = new LinkedHashMap<>(event);
        notWaiting.put("dossierCode", reception.code());
        attacks.add(new Attack("agency event for a dossier at reception", "POST", events, json(notWaiting), "application/json", police));
        for (String body : List.of("", "{", "[]", "null", json(event) + "}", "{\"eventId\":\"a\",\"eventId\":\"b\"}")) {
            attacks.add(new Attack("agency event body " + abbreviate(body), "POST", events, body, "application/json", police));
        }
        attacks.add(new Attack("agency event content type", "POST", events, json(event), "text/plain", police));

        // the one-stop's record of the police's result: the form's variables, of their kinds, by the form's rules
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("agencyOutcome", "DONE");
        valid.put("agencyResultNumber", "CT08-2026-1");
        valid.put("agencyResultDate", today);
        for (String action : List.of("complete", "submit-form")) {
            String path = "/engine-rest/task/" + agency.taskId() + "/" + action;
            variableMutations(attacks, "agency result " + action, path, "tan-giang.reception", valid);
            for (Map<String, Object> vars : List.of(
                    Map.<String, Object>of("agencyOutcome", "REFUSED", "agencyResultDate", today),
                    Map.<String, Object>of("agencyOutcome", "DONE", "agencyResultDate", today),
                    Map.<String, Object>of("agencyOutcome", "DONE", "agencyResultNumber", "CT08-1"),
                    Map.<String, Object>of("agencyOutcome", "DONE", "agencyResultNumber", "CT08-1", "agencyResultDate", tomorrow),
                    Map.<String, Object>of("agencyOutcome", "DONE", "agencyResultNumber", "CT08-1", "agencyResultDate", "2026-02-30"),
                    Map.<String, Object>of("agencyOutcome", "REFUSED", "agencyResultDate", today, "agencyNote", "x".repeat(1001)),
                    Map.<String, Object>of("agencyOutcome", "DONE", "agencyResultNumber", "CT08-1", "agencyResultDate", today, "agencyPart", "THE_BHYT"),
                    Map.<String, Object>of("agencyOutcome", "DONE", "agencyResultNumber", "CT08-1", "agencyResultDate", today, "agencySent", "x"),
                    Map.<String, Object>of("agencyOutcome", "DONE", "agencyResultNumber", "CT08-1", "agencyResultDate", today, "receptionDecision", "ACCEPT"))) {
                attacks.add(new Attack("agency result " + vars.keySet(), "POST", path, json(Map.of("variables", dtos(vars))),
                        "application/json", "tan-giang.reception"));
            }
            attacks.add(new Attack("agency result by a head", "POST", path, json(Map.of("variables", dtos(valid))), "application/json",
                    "tan-giang.vp.head"));
            attacks.add(new Attack("agency result by another commune", "POST", path, json(Map.of("variables", dtos(valid))), "application/json",
                    "thuc-phan.reception"));
        }
        attacks.add(new Attack("agency message by an official", "POST", "/engine-rest/message",
                json(Map.of("messageName", "AgencyReported", "businessKey", agency.code())), "application/json", "tan-giang.reception"));
    }

    /**
     * The return at the counter with the citizen's rating on the official's screen: one of the three
     * levels or none, a comment of its length; the weekly review's and the citizen's result download's
     * parameters.
     */
    private static void returnAttacks(List<Attack> attacks, AtStep returning) {
        for (String action : List.of("complete", "submit-form")) {
            String path = "/engine-rest/task/" + returning.taskId() + "/" + action;
            for (Object rating : List.of(12, true, "", "TOT", "hai_long", "HAI_LONG ", "x".repeat(5000), "a\u0000b", List.of(), Map.of())) {
                attacks.add(new Attack("return rating " + abbreviate(String.valueOf(rating)), "POST", path, json(Map.of("variables",
                        dtos(Map.of("recipientName", "Nguyễn Văn A", "citizenRating", rating)))), "application/json", "tan-giang.reception"));
            }
            for (Object comment : List.of(12, "x".repeat(1001), "a\u0000b", List.of())) {
                attacks.add(new Attack("return rating comment", "POST", path, json(Map.of("variables", dtos(Map.of("recipientName",
                        "Nguyễn Văn A", "citizenRating", "HAI_LONG", "citizenRatingComment", comment)))), "application/json", "tan-giang.reception"));
            }
            attacks.add(new Attack("return rating by a head", "POST", path, json(Map.of("variables", dtos(Map.of("recipientName",
                    "Nguyễn Văn A", "citizenRating", "HAI_LONG")))), "application/json", "tan-giang.vp.head"));
        }
        for (String v : List.of("+999999999-12-31", "1899-12-31", "abc", "%00", "2026-02-30", "")) {
            attacks.add(new Attack("weekly week", "GET", "/api/service-index/weekly?week=" + v, null, null, "admin"));
            attacks.add(new Attack("weekly pdf week", "GET", "/api/service-index/weekly/pdf?week=" + v, null, null, "admin"));
            attacks.add(new Attack("weekly commune", "GET", "/api/service-index/weekly?commune=" + v, null, null, "admin"));
            attacks.add(new Attack("stored weekly report", "GET", "/api/service-index/weekly/reports/" + v, null, null, "admin"));
            attacks.add(new Attack("public result secret", "GET", "/api/public/dossiers/" + returning.code() + "/result?secret=" + v,
                    null, null, null));
        }
        attacks.add(new Attack("weekly of another commune", "GET", "/api/service-index/weekly?commune=thuc-phan", null, null, "tan-giang.leader"));
        attacks.add(new Attack("weekly by the portal", "GET", "/api/service-index/weekly", null, null, Http.PORTAL));
        attacks.add(new Attack("stored reports by a leader", "GET", "/api/service-index/weekly/reports", null, null, "tan-giang.leader"));
        attacks.add(new Attack("stored report that does not exist", "GET", "/api/service-index/weekly/reports/2026-01-05", null, null, "admin"));
    }

    /** The counter intake's start form: the form's variables only, each of its kind, the required papers, the one-stop only. */
    private static void intakeAttacks(List<Attack> attacks) {
        String path = "/engine-rest/process-definition/key/tiep-nhan-tai-quay/submit-form";
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("intakeProcedure", "1.001193");
        valid.put("intakeApplicantName", "Lục Thị Mai");
        valid.put("intakeIdNumber", "004192000123");
        valid.put("intakePhone", "0987654321");
        valid.put("intakeAddress", "Tổ 3, phường Tân Giang");
        valid.put("intakeReturnMethod", "COUNTER");
        valid.put("intakeEventDate", Submissions.daysAgo(3));
        String papers = "[\"Tờ khai đăng ký khai sinh\",\"Giấy chứng sinh hoặc giấy tờ thay thế\",\"Giấy tờ tùy thân của người đi đăng ký\"]";
        for (String name : List.of("intakeProcedure", "intakeApplicantName", "intakeIdNumber", "intakePhone", "intakeAddress",
                "intakeReturnMethod")) {
            for (Object bad : java.util.Arrays.asList(null, "", 12, true, "x".repeat(600), "a\u0000b", "a\u0007b")) {
                Map<String, Object> vars = new LinkedHashMap<>(dtos(valid));
                vars.put("intakePapers", Map.of("type", "Json", "value", papers));
                vars.put(name, bad == null ? Map.of() : Map.of("value", bad));
                attacks.add(new Attack("intake " + name + " " + abbreviate(String.valueOf(bad)), "POST", path,
                        json(Map.of("variables", vars)), "application/json", "tan-giang.reception"));
            }
        }
        // what the fees depend on: a real day not in the future, counts in range, an exemption the procedure allows
        Map<String, List<Object>> feeFacts = new LinkedHashMap<>();
        feeFacts.put("intakeEventDate", java.util.Arrays.asList(null, "", "2999-01-01", "2026-02-30", "1800-01-01", "hôm qua", 20260101, true));
        feeFacts.put("intakePages", java.util.Arrays.asList(0, -3, 1_000_000, "5", 2.5, true));
        feeFacts.put("intakeCopies", java.util.Arrays.asList(0, -1, 101, "2", 1.5));
        feeFacts.put("intakeFeeExemption", java.util.Arrays.asList("GIAU_CO", "ho_ngheo", 1, "TRE_EM"));
        feeFacts.forEach((name, values) -> {
            for (Object bad : values) {
                Map<String, Object> vars = new LinkedHashMap<>(dtos(valid));
                vars.put("intakePapers", Map.of("type", "Json", "value", papers));
                vars.put(name, bad == null ? Map.of() : Map.of("value", bad));
                attacks.add(new Attack("intake " + name + " " + abbreviate(String.valueOf(bad)), "POST", path,
                        json(Map.of("variables", vars)), "application/json", "tan-giang.reception"));
            }
        });
        for (Object bad : java.util.Arrays.asList("[]", "[\"Tờ khai đăng ký khai sinh\"]", "{}", "[1,2]", "không phải JSON",
                "[\"" + "x".repeat(400) + "\"]", papers.replace("]", ",\"a\\u0000b\"]"))) {
            Map<String, Object> vars = new LinkedHashMap<>(dtos(valid));
            vars.put("intakePapers", Map.of("type", "Json", "value", bad));
            attacks.add(new Attack("intake papers " + abbreviate(bad.toString()), "POST", path, json(Map.of("variables", vars)),
                    "application/json", "tan-giang.reception"));
        }
        Map<String, Object> complete = new LinkedHashMap<>(dtos(valid));
        complete.put("intakePapers", Map.of("type", "Json", "value", papers));
        for (String extra : List.of("communeCode", "dossierCode", "receptionDecision", "channel", "x")) {
            Map<String, Object> vars = new LinkedHashMap<>(complete);
            vars.put(extra, Map.of("value", "thuc-phan"));
            attacks.add(new Attack("intake writes " + extra, "POST", path, json(Map.of("variables", vars)), "application/json",
                    "tan-giang.reception"));
        }
        attacks.add(new Attack("intake with a business key", "POST", path,
                json(Map.of("variables", complete, "businessKey", "000.03.04.H11-260101-0001")), "application/json", "tan-giang.reception"));
        attacks.add(new Attack("intake by a head", "POST", path, json(Map.of("variables", complete)), "application/json",
                "tan-giang.vp.head"));
        attacks.add(new Attack("intake started without its form", "POST", path.replace("submit-form", "start"),
                json(Map.of("variables", complete)), "application/json", "tan-giang.reception"));
    }

    /** Confirming a delivery by post: an outcome among two, a real day neither future nor before the signature. */
    private static void postAttacks(List<Attack> attacks, AtStep confirmation) {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
        for (String action : List.of("complete", "submit-form")) {
            String path = "/engine-rest/task/" + confirmation.taskId() + "/" + action;
            for (Object outcome : java.util.Arrays.asList(null, "", "delivered", "DELIVERED ", "ĐÃ PHÁT", 1, true, List.of("DELIVERED"))) {
                Map<String, Object> vars = new LinkedHashMap<>();
                if (outcome != null) vars.put("postOutcome", outcome);
                vars.put("postOutcomeDate", today);
                attacks.add(new Attack("post outcome " + abbreviate(String.valueOf(outcome)), "POST", path,
                        json(Map.of("variables", dtos(vars))), "application/json", "tan-giang.reception"));
            }
            for (Object day : java.util.Arrays.asList(null, "", tomorrow, "2020-01-01", "24/11/2026", "2026-13-40", "hôm nay", 20261124,
                    "2026-02-30", "a\u0000b")) {
                for (String outcome : List.of("DELIVERED", "RETURNED")) {
                    Map<String, Object> vars = new LinkedHashMap<>();
                    vars.put("postOutcome", outcome);
                    if (day != null) vars.put("postOutcomeDate", day);
                    attacks.add(new Attack("post " + outcome + " on " + abbreviate(String.valueOf(day)), "POST", path,
                            json(Map.of("variables", dtos(vars))), "application/json", "tan-giang.reception"));
                }
            }
            for (Object note : java.util.Arrays.asList("x".repeat(1001), "a\u0007b", 12, List.of())) {
                attacks.add(new Attack("post note " + abbreviate(String.valueOf(note)), "POST", path,
                        json(Map.of("variables", dtos(Map.of("postOutcome", "DELIVERED", "postOutcomeDate", today, "postOutcomeNote", note)))),
                        "application/json", "tan-giang.reception"));
            }
            // the clerk may not write the service's facts of the shipment
            attacks.add(new Attack("post delivered flag", "POST", path, json(Map.of("variables", dtos(Map.of("postOutcome", "DELIVERED",
                    "postOutcomeDate", today, "postDelivered", true)))), "application/json", "tan-giang.reception"));
        }
    }

    /** Stopping processing (status 8) needs a written reason of the right kind and length. */
    private static void stopAttacks(List<Attack> attacks, AtStep review) {
        String path = "/engine-rest/task/" + review.taskId() + "/complete";
        for (Object reason : java.util.Arrays.asList(null, "", 12, true, List.of(), "x".repeat(1001), "a\u0000b", "a\u0007b")) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("headDecision", "STOP");
            if (reason != null) vars.put("stopReason", reason);
            attacks.add(new Attack("stop reason " + abbreviate(String.valueOf(reason)), "POST", path,
                    json(Map.of("variables", dtos(vars))), "application/json", "tan-giang.vp.head"));
        }
        for (String decision : List.of("stop", "STOPPED", "DỪNG", "")) {
            attacks.add(new Attack("stop decision " + decision, "POST", path,
                    json(Map.of("variables", dtos(Map.of("headDecision", decision, "stopReason", "Không đủ điều kiện")))),
                    "application/json", "tan-giang.vp.head"));
        }
    }

    // --- Camunda's REST API ------------------------------------------------------------------------

    private static void engineAttacks(List<Attack> attacks, AtStep reception, AtStep appraisal) {
        String clerk = "tan-giang.reception";
        String specialist = "tan-giang.vp.specialist1";
        Map<String, Object> accept = Map.of("receptionDecision", "ACCEPT");
        Map<String, Object> draft = Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh");
        for (String action : List.of("complete", "submit-form")) {
            String path = "/engine-rest/task/" + reception.taskId() + "/" + action;
            variableMutations(attacks, "reception " + action, path, clerk, accept);
            bodyMutations(attacks, "reception " + action, "POST", path, clerk);
            String appraise = "/engine-rest/task/" + appraisal.taskId() + "/" + action;
            variableMutations(attacks, "appraisal " + action, appraise, specialist, draft);
            // the tax authority is no choice for a birth registration (no financial obligations), note or not
            for (Map<String, Object> vars : List.of(
                    Map.<String, Object>of("appraisalDecision", "FINANCIAL_OBLIGATION", "appraisalNote", "Thửa đất số 1"),
                    Map.<String, Object>of("appraisalDecision", "FINANCIAL_OBLIGATION"),
                    Map.<String, Object>of("appraisalDecision", "DRAFT", "draftResult", "x", "appraisalOptions", "[]"))) {
                attacks.add(new Attack("appraisal " + vars.keySet() + " " + action, "POST", appraise,
                        json(Map.of("variables", dtos(vars))), "application/json", specialist));
            }
        }
        // names a task may not write: the service's own, unknown ones, odd ones
        for (String name : List.of("dossierCode", "communeCode", "receptionGroup", "leaderGroup", "headGroup", "headAssignee",
                "specialistGroup", "specialistId", "feeAmount", "appointmentAt", "lateCheckAt", "apologyDueAt", "clockPaused",
                "dossierLate", "rescheduleCount", "draftedBy", "reviewedBy", "stepDue_Task_ReceptionCheck", "x", "", "a".repeat(300),
                "tên có dấu", "draftResult", "leaderDecision")) {
            Map<String, Object> vars = new LinkedHashMap<>(accept);
            vars.put(name, "tan-giang.reception");
            attacks.add(new Attack("write " + name, "POST", "/engine-rest/task/" + reception.taskId() + "/complete",
                    json(Map.of("variables", dtos(vars))), "application/json", clerk));
            attacks.add(new Attack("put " + name, "PUT", "/engine-rest/task/" + reception.taskId() + "/variables/" + encode(name),
                    json(Map.of("value", "x")), "application/json", clerk));
            attacks.add(new Attack("modify " + name, "POST", "/engine-rest/task/" + reception.taskId() + "/variables",
                    json(Map.of("modifications", Map.of(name, Map.of("value", "x")))), "application/json", clerk));
            attacks.add(new Attack("local " + name, "PUT", "/engine-rest/task/" + reception.taskId() + "/localVariables/" + encode(name),
                    json(Map.of("value", "x")), "application/json", clerk));
        }
        // writes no official makes through the engine
        String instance = "/engine-rest/process-instance/" + reception.processInstanceId();
        String task = "/engine-rest/task/" + reception.taskId();
        String[][] forbidden = {
                {"POST", instance + "/modification", "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ReturnAtCounter\"}]}"},
                {"POST", instance + "/variables", "{\"modifications\":{\"feeAmount\":{\"value\":0}}}"},
                {"PUT", instance + "/variables/dossierLate", "{\"value\":false}"},
                {"DELETE", instance + "/variables/dossierLate", null},
                {"PUT", instance + "/suspended", "{\"suspended\":true}"},
                {"DELETE", instance, null},
                {"POST", "/engine-rest/message", "{\"messageName\":\"PaymentReceived\",\"businessKey\":\"" + reception.code() + "\"}"},
                {"POST", "/engine-rest/signal", "{\"name\":\"x\"}"},
                {"POST", "/engine-rest/process-definition/key/thu-tuc/start", "{}"},
                {"POST", "/engine-rest/process-definition/key/thu-tuc/submit-form", "{}"},
                {"POST", task + "/delegate", "{\"userId\":\"tan-giang.reception2\"}"},
                {"POST", task + "/resolve", "{}"},
                {"POST", task + "/identity-links", "{\"groupId\":\"tan-giang:leader\",\"type\":\"candidate\"}"},
                {"POST", task + "/bpmnError", "{\"errorCode\":\"SUPPLEMENT_NEEDED\"}"},
                {"POST", task + "/bpmnEscalation", "{\"escalationCode\":\"x\"}"},
                {"PUT", task, "{\"name\":\"x\"}"},
                {"DELETE", task, null},
                {"POST", task + "/claim", "{\"userId\":\"tan-giang.reception2\"}"},
                {"POST", task + "/assignee", "{\"userId\":\"tan-giang.leader\"}"},
                {"POST", "/engine-rest/task/create", "{\"id\":\"x\"}"},
                {"POST", "/engine-rest/filter/create", "{\"name\":\"x\",\"resourceType\":\"Task\",\"query\":{}}"},
                {"POST", "/engine-rest/history/process-instance/delete", "{}"},
                {"POST", "/engine-rest/history/cleanup", null},
                {"POST", "/engine-rest/job/x/retries", "{}"},
                {"POST", "/engine-rest/identity/verify", "{\"username\":\"admin\",\"password\":\"x\"}"},
                {"PUT", "/engine-rest/user/tan-giang.leader/profile", "{\"id\":\"tan-giang.leader\"}"},
                {"PUT", "/engine-rest/user/tan-giang.reception/profile", "{\"id\":\"tan-giang.reception\",\"firstName\":\"x\"}"},
                {"PUT", "/engine-rest/user/tan-giang.leader/credentials", "{\"password\":\"x\"}"},
                {"POST", "/engine-rest/deployment/create", "{}"},
                {"POST", "/engine-rest/authorization/create", "{}"},
                {"POST", "/engine-rest/user/create", "{}"},
                {"POST", "/engine-rest/external-task/fetchAndLock", "{}"},
                {"POST", "/engine-rest/migration/execute", "{}"},
        };
        for (String[] f : forbidden) {
            for (String user : List.of(clerk, specialist, "tan-giang.leader", "thuc-phan.reception")) {
                attacks.add(new Attack("forbidden", f[0], f[1], f[2], f[2] == null ? null : "application/json", user));
            }
        }
        // comments: bounded, no control characters, text only
        for (Object message : List.of("", "x".repeat(2001), "a\u0000b", 12, true, List.of(), Map.of())) {
            attacks.add(new Attack("comment", "POST", task + "/comment/create", json(Map.of("message", message)), "application/json", clerk));
        }
        // queries with hostile parameters (reads: may answer 200, never 5xx)
        for (String param : List.of("processInstanceBusinessKey", "dueAfter", "dueBefore", "firstResult", "maxResults",
                "sortBy", "sortOrder", "candidateGroup", "tenantIdIn", "processVariables", "taskDefinitionKeyIn", "nameLike")) {
            for (String value : List.of("%00", "x%01y", "-1", "99999999999999999999", "+999999999-12-31T00:00:00.000%2B0000",
                    "2026-13-45", "abc", "x".repeat(5000), "%E0%A4", "'%20or%201=1--", "a_eq_%00")) {
                attacks.add(new Attack("query " + param, "GET", "/engine-rest/task?" + param + "=" + value, null, null, clerk));
            }
        }
        for (String id : List.of("does-not-exist", "x".repeat(300), "%00", "..%2F..", "1;DROP", "%C0%AE")) {
            attacks.add(new Attack("unknown task", "POST", "/engine-rest/task/" + id + "/complete", "{}", "application/json", clerk));
            attacks.add(new Attack("unknown task", "GET", "/engine-rest/task/" + id, null, null, clerk));
            attacks.add(new Attack("unknown task", "POST", "/engine-rest/task/" + id + "/claim",
                    "{\"userId\":\"" + clerk + "\"}", "application/json", clerk));
        }
        for (String filterBody : List.of("[]", "{\"sorting\":[{\"sortBy\":\"x\",\"sortOrder\":\"y\"}]}", "{\"processVariables\":{}}",
                "{\"firstResult\":\"x\"}", "{\"maxResults\":-5}", "{\"dueAfter\":\"+999999999-12-31T00:00:00.000+0000\"}")) {
            attacks.add(new Attack("task query", "POST", "/engine-rest/task", filterBody, "application/json", clerk));
        }
    }

    /** The valid variables of a step, each replaced in turn by a hostile value or type. */
    private static void variableMutations(List<Attack> attacks, String label, String path, String user, Map<String, Object> valid) {
        for (String name : valid.keySet()) {
            List<Object> values = new ArrayList<>(List.of(12, 1.5, true, -1, Long.MAX_VALUE, "", "x".repeat(5000), "a\u0000b",
                    "a\u0007b", "a\u001bb", "a\u2028b", List.of("ACCEPT"), Map.of("value", "ACCEPT")));
            if (name.endsWith("Decision")) values.addAll(List.of("ACCEPT ", "accept", "DROP TABLE", "APPROVE", "DRAFT_"));
            for (Object value : values) {
                Map<String, Object> vars = new LinkedHashMap<>(valid);
                vars.put(name, value);
                attacks.add(new Attack(label + " " + name + "=" + abbreviate(String.valueOf(value)), "POST", path,
                        json(Map.of("variables", dtos(vars))), "application/json", user));
            }
            for (String type : List.of("Json", "Xml", "File", "Object", "Bytes", "Null", "Date", "Integer", "Long", "Double",
                    "Boolean", "Strin", "", "java.lang.String")) {
                Map<String, Object> dtos = dtos(valid);
                dtos.put(name, Map.of("value", String.valueOf(valid.get(name)), "type", type));
                attacks.add(new Attack(label + " " + name + " as " + type, "POST", path, json(Map.of("variables", dtos)), "application/json", user));
            }
            for (Object info : List.of(Map.of("objectTypeName", "java.util.HashMap", "serializationDataFormat", "application/x-java-serialized-object"),
                    Map.of("transient", true), "x", List.of())) {
                Map<String, Object> dtos = dtos(valid);
                dtos.put(name, Map.of("value", String.valueOf(valid.get(name)), "valueInfo", info));
                attacks.add(new Attack(label + " " + name + " valueInfo", "POST", path, json(Map.of("variables", dtos)), "application/json", user));
            }
            Map<String, Object> dtos = dtos(valid);
            dtos.put(name, Map.of("value", String.valueOf(valid.get(name)), "extra", 1));
            attacks.add(new Attack(label + " " + name + " extra member", "POST", path, json(Map.of("variables", dtos)), "application/json", user));
            Map<String, Object> nulls = dtos(valid);
            nulls.put(name, null);
            attacks.add(new Attack(label + " " + name + " null dto", "POST", path, json(Map.of("variables", nulls)), "application/json", user));
        }
        for (Object variables : List.of("x", 12, List.of(), true)) {
            attacks.add(new Attack(label + " variables=" + variables, "POST", path, json(Map.of("variables", variables)), "application/json", user));
        }
        attacks.add(new Attack(label + " extra member", "POST", path,
                json(Map.of("variables", dtos(valid), "businessKey", "x")), "application/json", user));
    }

    /** Whole-body damage: syntax, trailing tokens, duplicates, depth, size, encodings and content types. */
    private static void bodyMutations(List<Attack> attacks, String label, String method, String path, String user) {
        String good = "{\"variables\":{\"receptionDecision\":{\"value\":\"ACCEPT\"}}}";
        List<String> bodies = List.of("", "{", "}", "[]", "null", "~", "12", "\"x\"", "<xml/>", good + "}", good + " x",
                "{\"variables\":{},\"variables\":{}}", "[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(500) + "1" + "}".repeat(500),
                "{\"variables\":{\"receptionDecision\":{\"value\":\"\\ud800\"}}}", "{\"variables\":{\"receptionDecision\":{\"value\":NaN}}}",
                "{'variables':{}}", "{\"variables\":{\"receptionDecision\":{\"value\":\"ACCEPT\",}}}", "\uFEFF\uFEFF" + good,
                "{\"variables\":{\"receptionDecision\":{\"value\":\"" + "x".repeat(300_000) + "\"}}}",
                "{\"variables\":{\"receptionDecision\":{\"value\":1e999999}}}", "{\"variables\":{\"x\u0000\":{\"value\":1}}}");
        for (String body : bodies) {
            attacks.add(new Attack(label + " body " + abbreviate(body), method, path, body, "application/json", user));
        }
        for (String type : List.of("*/*", "text/plain", "application/xml", "text/html", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json-patch+json", "garbage", "application/yaml")) {
            attacks.add(new Attack(label + " content type " + type, method, path, good, type, user));
        }
        attacks.add(new Attack(label + " no content type", method, path, good, null, user));
    }

    // --- motcua's API -------------------------------------------------------------------------------

    private static void apiAttacks(List<Attack> attacks, AtStep reception) {
        Map<String, Object> submission = Submissions.birthRegistration("tan-giang", "COUNTER");
        // wrong types, over-long and control-character texts; never a value that is merely unusual but valid
        List<Object> hostile = List.of(12, 1.5, true, "x".repeat(5000), "a\u0000b", "a\u0007b", List.of(), Map.of(), -1, Long.MAX_VALUE);
        List<Object> hostileCounts = List.of(0, -1, 1.5, "1", true, 100_000, Long.MAX_VALUE, List.of(), Map.of());
        for (String path : paths(submission, "")) {
            for (Object value : path.endsWith("copies") ? hostileCounts : hostile) {
                attacks.add(new Attack("submission " + path, "POST", "/api/dossiers",
                        json(replace(submission, path, value)), "application/json", Http.PORTAL));
            }
        }
        for (String body : List.of("", "{", "[]", "null", "~", json(submission) + "}", "<xml/>", "[".repeat(3000) + "]".repeat(3000),
                "{\"procedureCode\":\"1.001193\",\"procedureCode\":\"1.001193\"}")) {
            attacks.add(new Attack("submission body " + abbreviate(body), "POST", "/api/dossiers", body, "application/json", Http.PORTAL));
        }
        for (String type : List.of("*/*", "text/plain", "application/xml", "garbage", "multipart/form-data; boundary=x")) {
            attacks.add(new Attack("submission content type " + type, "POST", "/api/dossiers", json(submission), type, Http.PORTAL));
        }
        for (String v : List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31", "2201-01-01", "abc", "%00", "2026-02-30",
                "9".repeat(30), "")) {
            attacks.add(new Attack("calendar", "GET", "/api/calendar/working-days?from=" + v + "&to=2026-12-31", null, null, null));
            attacks.add(new Attack("calendar", "GET", "/api/calendar/working-days?from=2026-01-01&to=" + v, null, null, null));
            attacks.add(new Attack("calendar", "GET", "/api/calendar/due?from=" + v + "&limit=3&unit=WORKING_DAYS", null, null, null));
            attacks.add(new Attack("calendar", "GET", "/api/calendar/due?from=2026-02-13T16:00:00%2B07:00&limit=" + v + "&unit=WORKING_DAYS", null, null, null));
            attacks.add(new Attack("calendar", "GET", "/api/calendar/due?from=2026-02-13T16:00:00%2B07:00&limit=3&unit=" + v, null, null, null));
            attacks.add(new Attack("register", "GET", "/api/communes/tan-giang/register?date=" + v, null, null, "tan-giang.reception"));
            attacks.add(new Attack("lookup", "GET", "/api/public/dossiers/" + reception.code() + "?secret=" + v, null, null, null));
            attacks.add(new Attack("dossier", "GET", "/api/dossiers/" + v, null, null, Http.PORTAL));
            // the public catalogue and its fee quote
            for (String query : List.of("field=", "department=", "q=")) {
                attacks.add(new Attack("catalogue", "GET", "/api/procedures?" + query + v, null, null, null));
            }
            attacks.add(new Attack("catalogue", "GET", "/api/procedures/" + v, null, null, null));
            for (String param : List.of("copies", "pages", "feeExemption", "eventDate", "online")) {
                attacks.add(new Attack("fee quote " + param, "GET", "/api/procedures/2.000815/fees?pages=3&" + param + "=" + v, null, null, null));
                attacks.add(new Attack("fee quote " + param, "GET", "/api/procedures/1.001193/fees?" + param + "=" + v, null, null, null));
            }
            attacks.add(new Attack("fee quote", "GET", "/api/procedures/" + v + "/fees", null, null, null));
            // the service index, its drill-down, the rating and the papers' files
            String index = "/api/service-index?from=2026-11-01&to=2026-11-30";
            attacks.add(new Attack("index from", "GET", "/api/service-index?from=" + v + "&to=2026-11-30", null, null, "admin"));
            attacks.add(new Attack("index to", "GET", "/api/service-index?from=2026-11-01&to=" + v, null, null, "admin"));
            attacks.add(new Attack("index commune", "GET", index + "&commune=" + v, null, null, "admin"));
            attacks.add(new Attack("index format", "GET", index + "&format=" + v, null, null, "admin"));
            attacks.add(new Attack("index by a leader for another commune", "GET", index + "&commune=thuc-phan" + v, null, null, "tan-giang.leader"));
            for (String param : List.of("indicator", "part", "procedure", "page", "commune", "from")) {
                attacks.add(new Attack("index dossiers " + param, "GET", "/api/service-index/dossiers?indicator=2.1&from=2026-11-01&to=2026-11-30&"
                        + param + "=" + v, null, null, "admin"));
            }
            attacks.add(new Attack("rating secret", "POST", "/api/public/dossiers/" + reception.code() + "/rating?secret=" + v,
                    json(Map.of("level", "HAI_LONG")), "application/json", null));
            attacks.add(new Attack("paper index", "PUT", "/api/dossiers/" + reception.code() + "/components/" + v + "/file",
                    "%PDF-1.4 x", "application/pdf", "tan-giang.reception"));
            attacks.add(new Attack("paper index", "GET", "/api/dossiers/" + reception.code() + "/components/" + v + "/file",
                    null, null, "tan-giang.reception"));
        }
        String paper = "/api/dossiers/" + reception.code() + "/components/1/file";
        for (String[] bad : new String[][] {{"not a file", "application/pdf"}, {"%PDF-1.4 x", "image/png"}, {"", "application/pdf"},
                {"GIF89a", "image/gif"}, {"<svg/>", "image/svg+xml"}, {"%PDF-1.4 x", "garbage"}, {"%PDF-1.4 x", "*/*"}}) {
            attacks.add(new Attack("paper " + bad[1], "PUT", paper, bad[0], bad[1], "tan-giang.reception"));
        }
        attacks.add(new Attack("paper by the portal", "PUT", paper, "%PDF-1.4 x", "application/pdf", Http.PORTAL));
        attacks.add(new Attack("paper by another commune", "PUT", paper, "%PDF-1.4 x", "application/pdf", "thuc-phan.reception"));
        attacks.add(new Attack("paper without login", "PUT", paper, "%PDF-1.4 x", "application/pdf", null));
        String counterRating = "/api/dossiers/" + reception.code() + "/rating";
        for (Object level : List.of(12, true, "", "TOT", "hai_long", "x".repeat(5000), "a\u0000b", List.of(), Map.of())) {
            attacks.add(new Attack("counter rating level", "POST", counterRating, json(Map.of("level", level)), "application/json", "tan-giang.reception"));
        }
        for (String body : List.of("", "{", "[]", "null", "{\"level\":\"HAI_LONG\",\"level\":\"HAI_LONG\"}",
                "{\"level\":\"HAI_LONG\",\"extra\":1}", "{\"level\":\"HAI_LONG\",\"comment\":\"" + "x".repeat(1001) + "\"}")) {
            attacks.add(new Attack("counter rating body " + abbreviate(body), "POST", counterRating, body, "application/json", "tan-giang.reception"));
        }
        attacks.add(new Attack("counter rating of an unfinished dossier", "POST", counterRating, json(Map.of("level", "HAI_LONG")),
                "application/json", "tan-giang.reception"));
        attacks.add(new Attack("counter rating by a head", "POST", counterRating, json(Map.of("level", "HAI_LONG")),
                "application/json", "tan-giang.vp.head"));
        attacks.add(new Attack("counter rating by another commune", "POST", counterRating, json(Map.of("level", "HAI_LONG")),
                "application/json", "thuc-phan.reception"));
        // what the fees depend on, in a submission: counts in range, an allowed exemption, a real day not in the future
        Map<String, Object> certification = new LinkedHashMap<>(submission);
        certification.put("procedureCode", "2.000815");
        certification.put("returnMethod", "COUNTER");
        certification.put("components", List.of(Map.of("name", "Bản chính giấy tờ, văn bản làm cơ sở chứng thực bản sao", "copies", 1)));
        certification.put("pages", 3);
        certification.remove("eventDate");
        Map<String, List<Object>> feeFacts = new LinkedHashMap<>();
        feeFacts.put("pages", java.util.Arrays.asList(null, 0, -1, 2001, 1.5, "3", true, Long.MAX_VALUE, List.of()));
        feeFacts.put("copies", java.util.Arrays.asList(0, -1, 101, 1.5, "2", Long.MAX_VALUE));
        feeFacts.put("feeExemption", java.util.Arrays.asList("HO_NGHEO", "GIAU", 1, List.of("TRE_EM")));
        feeFacts.forEach((name, values) -> {
            for (Object bad : values) {
                Map<String, Object> body = new LinkedHashMap<>(certification);
                if (bad == null) body.remove(name); else body.put(name, bad);
                attacks.add(new Attack("certification " + name + " " + abbreviate(String.valueOf(bad)), "POST", "/api/dossiers",
                        json(body), "application/json", Http.PORTAL));
            }
        });
        for (Object bad : java.util.Arrays.asList(null, "", "2999-01-01", "1899-12-31", "2026-13-01", "01/02/2026", 20260101, "2026-01-01T00:00:00Z")) {
            Map<String, Object> body = new LinkedHashMap<>(submission);
            if (bad == null) body.remove("eventDate"); else body.put("eventDate", bad);
            attacks.add(new Attack("birth eventDate " + abbreviate(String.valueOf(bad)), "POST", "/api/dossiers", json(body),
                    "application/json", Http.PORTAL));
        }
        for (String state : List.of("x", "%00", "PAID%27--", "x".repeat(200), "")) {
            attacks.add(new Attack("payments state", "GET", "/api/admin/payments?state=" + state, null, null, "admin"));
        }
        for (String user : List.of("thuc-phan.reception", "tan-giang.vp.specialist1")) {
            attacks.add(new Attack("payments of another", "GET", "/api/dossiers/" + reception.code() + "/payments", null, null,
                    user.startsWith("thuc") ? user : "thuc-phan.leader"));
            attacks.add(new Attack("unlock by an official", "DELETE", "/api/admin/logins/tan-giang.reception/lock", null, null, user));
        }
        for (String login : List.of("khong-co-ai", "x".repeat(100), "a%01b", "T%C3%AAn")) {
            attacks.add(new Attack("unlock unknown", "DELETE", "/api/admin/logins/" + login + "/lock", null, null, "admin"));
        }
        for (String kind : List.of("thong-bao-dung", "mau-99", "x".repeat(100))) {
            attacks.add(new Attack("document", "GET", "/api/dossiers/" + reception.code() + "/documents/" + kind, null, null, "thuc-phan.reception"));
        }
        String withdrawal = "/api/dossiers/" + reception.code() + "/withdrawal";
        for (Object reason : java.util.Arrays.asList(null, "", "   ", 12, true, List.of(), Map.of(), "x".repeat(1001), "a\u0000b", "a\u001bb")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", reason);
            attacks.add(new Attack("withdrawal reason " + abbreviate(String.valueOf(reason)), "POST", withdrawal, json(body),
                    "application/json", "tan-giang.reception"));
        }
        for (String body : List.of("", "{", "[]", "null", "{\"reason\":\"a\"}}", "{\"reason\":\"a\",\"reason\":\"b\"}")) {
            attacks.add(new Attack("withdrawal body " + body, "POST", withdrawal, body, "application/json", "tan-giang.reception"));
        }
        for (String user : List.of("thuc-phan.reception", "tan-giang.vp.specialist1", "tan-giang.leader")) {
            attacks.add(new Attack("withdrawal by " + user, "POST", withdrawal, json(Map.of("reason", "Rút hồ sơ")), "application/json", user));
        }
        attacks.add(new Attack("withdrawal content type", "POST", withdrawal, json(Map.of("reason", "Rút hồ sơ")), "text/plain", "tan-giang.reception"));
        attacks.add(new Attack("withdrawal unknown", "POST", "/api/dossiers/000.03.04.H11-991231-9999/withdrawal",
                json(Map.of("reason", "Rút hồ sơ")), "application/json", "tan-giang.reception"));
        for (String body : List.of("{}", "{\"processKey\":12}", "{\"processKey\":\"khong-co\"}", "{\"processKey\":\"tiep-nhan\",\"dryRun\":\"yes\"}",
                "{\"processKey\":\"a\\u0000b\"}", "{\"processKey\":\"tiep-nhan\",\"dryrun\":true}", "[]", "{")) {
            attacks.add(new Attack("migration " + body, "POST", "/api/admin/migrations", body, "application/json", "admin"));
        }
        attacks.add(new Attack("migration by an official", "POST", "/api/admin/migrations", "{\"processKey\":\"tiep-nhan\",\"dryRun\":true}",
                "application/json", "tan-giang.leader"));
        for (Object scopes : List.of(java.util.Arrays.asList((Object) null), List.of(""), List.of("x".repeat(600)), "dossiers:read",
                12, List.of(12), List.of("admin:all"))) {
            attacks.add(new Attack("client scopes", "POST", "/api/admin/clients/hostile-client", json(Map.of("scopes", scopes)),
                    "application/json", "admin"));
        }
        for (String name : List.of("UPPER", "x".repeat(100), "a%00b", "-x", "tên")) {
            attacks.add(new Attack("client name", "POST", "/api/admin/clients/" + name, json(Map.of("scopes", List.of("dossiers:read"))),
                    "application/json", "admin"));
        }
        for (String yaml : List.of("~", "", "[]", "12", "province: ~", "communes: x", "{", "\u0000", "province:\n  code: " + "x".repeat(5000))) {
            attacks.add(new Attack("provisioning", "POST", "/api/admin/provisioning", yaml, "application/yaml", "admin"));
        }
        attacks.add(new Attack("provisioning csv", "POST", "/api/admin/provisioning", "a\u0000b;c", "text/csv", "admin"));
        Map<String, Object> event = new LinkedHashMap<>(Map.of("eventId", "ev-1", "trackingNumber", "EB1VN", "event", "DELIVERED", "detail", "ok"));
        for (String path : paths(event, "")) {
            for (Object value : hostile) {
                attacks.add(new Attack("post event " + path, "POST", "/api/integrations/post/events",
                        json(replace(event, path, value)), "application/json", Http.PORTAL));
            }
        }
        Map<String, Object> payment = new LinkedHashMap<>(Map.of("transactionId", "tx-1", "dossierCode", reception.code(),
                "amount", 5000, "status", "SUCCESS"));
        for (String path : paths(payment, "")) {
            for (Object value : hostile) {
                String body = json(replace(payment, path, value));
                attacks.add(new Attack("payment " + path, "POST", "/api/integrations/payment/callback", body, "application/json", "sig:" + sign(body)));
            }
        }
        for (String body : List.of("{", "<xml/>", "[".repeat(2000) + "]".repeat(2000), "", "null")) {
            attacks.add(new Attack("payment body", "POST", "/api/integrations/payment/callback", body, "application/json", "sig:" + sign(body)));
        }
    }

    /** One request to the actuator with headers of its own, and the statuses it may get. */
    record Probe(String label, String method, String path, Map<String, String> headers, java.util.Set<Integer> allowed) {
    }

    /**
     * The actuator: without credentials or with broken or wrong ones only 401, as an official or with
     * a key of another scope only 403, hostile parameters and methods for the admin and the monitoring key
     * a 200 (a read) or a 4xx, health paths that are not there 404, Tomcat's refusals 400. Few wrong
     * passwords, so no login waits (the throttle is tested elsewhere).
     */
    private static List<Probe> actuatorProbes(String metricsKey) {
        List<Probe> probes = new ArrayList<>();
        java.util.Set<Integer> unauthenticated = java.util.Set.of(401);
        java.util.Set<Integer> forbidden = java.util.Set.of(403);
        java.util.Set<Integer> readOrRefused = java.util.Set.of(200, 400, 404, 405, 406, 413, 414, 415);
        String admin = RawHttp.basic("admin", "demo");
        List<String> guarded = List.of("/actuator/prometheus", "/actuator", "/actuator/env", "/actuator/heapdump", "/actuator/shutdown",
                "/actuator/prometheus/", "/actuator//prometheus", "/actuator/prometheus;a=b", "/actuator/health/../prometheus",
                "/actuator/health/%2e%2e/prometheus", "/actuator/health/readiness/../../prometheus", "/actuator/prometheus?includedNames=x");
        List<String> brokenCredentials = List.of("Bearer ", "Bearer x", "Bearer mc_" + "0".repeat(48), "Bearer " + "x".repeat(2000),
                "bearer khong-co", "Basic", "Basic !!!", "Basic " + base64("khong-co-hai-cham"), "Basic " + base64(":demo"),
                "Digest username=\"admin\"", "\u00E1");
        // first the admin and an official succeed from this client: it is then known for them, and no stranger's lock holds them
        probes.add(new Probe("prometheus as the admin", "GET", "/actuator/prometheus", Map.of("Authorization", admin, "Accept", "text/plain"),
                java.util.Set.of(200)));
        for (String path : guarded) {
            probes.add(new Probe("actuator official", "GET", path, Map.of("Authorization", RawHttp.basic("tan-giang.leader", "demo")), forbidden));
            probes.add(new Probe("actuator anonymous", "GET", path, Map.of(), unauthenticated));
            probes.add(new Probe("actuator other key", "GET", path, Map.of("Authorization", "Bearer demo-portal-key"), forbidden));
            for (String credentials : brokenCredentials) {
                probes.add(new Probe("actuator credentials " + abbreviate(credentials), "GET", path, Map.of("Authorization", credentials),
                        unauthenticated));
            }
            for (String key : List.of("", " ", "khong-co", "x".repeat(1000), "mc_" + "f".repeat(48))) {
                probes.add(new Probe("actuator X-API-Key " + abbreviate(key), "GET", path, Map.of("X-API-Key", key), unauthenticated));
            }
        }
        // each of these is a checked (and counted) wrong password: five from this client, below every counter's free attempts
        for (String credentials : List.of(RawHttp.basic("admin", "sai"), RawHttp.basic("khong-co-ai", "demo"),
                RawHttp.basic("tan-giang.leader", "sai"), RawHttp.basic("T\u00EAn", "demo"), RawHttp.basic("x".repeat(300), "demo"))) {
            probes.add(new Probe("actuator wrong password", "GET", "/actuator/prometheus", Map.of("Authorization", credentials), unauthenticated));
        }
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/health/../env")) {
            probes.add(new Probe("actuator metrics key elsewhere", "GET", path, Map.of("Authorization", "Bearer " + metricsKey), forbidden));
        }
        for (String value : List.of("", "%00", "%27%22%3C", "x".repeat(3000), "motcua_dossiers_open", "a,,b,", "%C3%AA", "*", "%0d%0a")) {
            for (Map<String, String> caller : List.of(Map.of("Authorization", admin), Map.of("Authorization", "Bearer " + metricsKey),
                    Map.of("X-API-Key", metricsKey))) {
                Map<String, String> headers = new LinkedHashMap<>(caller);
                headers.put("Accept", "text/plain;version=0.0.4");
                probes.add(new Probe("prometheus includedNames " + abbreviate(value), "GET", "/actuator/prometheus?includedNames=" + value,
                        headers, readOrRefused));
            }
        }
        for (String accept : List.of("application/openmetrics-text", "*/*", "text/html", "x", "application/json;q=x")) {
            probes.add(new Probe("prometheus accept " + accept, "GET", "/actuator/prometheus", Map.of("Authorization", admin, "Accept", accept),
                    readOrRefused));
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            for (String path : List.of("/actuator/prometheus", "/actuator/shutdown", "/actuator/health", "/actuator/loggers/ROOT")) {
                probes.add(new Probe("actuator " + method, method, path, Map.of("Authorization", admin),
                        java.util.Set.of(200, 204, 400, 404, 405, 415)));
            }
        }
        for (String path : List.of("/actuator/health/x", "/actuator/health/db", "/actuator/health/readiness/x", "/actuator/health/liveness/db",
                "/actuator/health/" + "x".repeat(500), "/actuator/health/%C3%AA", "/actuator/health/readiness/db/x")) {
            probes.add(new Probe("health not there", "GET", path, Map.of(), java.util.Set.of(404)));
        }
        for (String path : List.of("/actuator/health/%00", "/actuator/health/%", "/actuator/prometheus%00", "/actuator/%2e%2e/%2e%2e/etc")) {
            probes.add(new Probe("actuator refused by Tomcat", "GET", path, Map.of("Authorization", admin), java.util.Set.of(400, 404)));
        }
        probes.add(new Probe("actuator control character", "GET", "/actuator/prometheus", Map.of("Authorization", "Bearer a\u0001b"),
                java.util.Set.of(400, 401)));
        return probes;
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** What is wrong with an answer whatever the request: a 5xx, a 4xx that is no problem, a 400 naming no field; else null. */
    private static String failure(int status, String contentType, String text) {
        if (status >= 500) return "5xx";
        if (status < 400) return null;
        if (!contentType.startsWith("application/problem+json")) return "not problem+json";
        if (status != 400) return null;
        try {
            var errors = JSON.readTree(text).path("errors");
            return errors.isEmpty() || errors.get(0).path("field").asText().isBlank() ? "400 without a field" : null;
        } catch (java.io.IOException e) {
            return "not JSON";
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : COUNTED) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private static Map<String, Object> dtos(Map<String, Object> values) {
        Map<String, Object> dtos = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Map<String, Object> dto = new LinkedHashMap<>();
            dto.put("value", v);
            dtos.put(k, dto);
        });
        return dtos;
    }

    /** Every member path of a JSON-like map ("applicant.fullName", "components[0].copies"). */
    @SuppressWarnings("unchecked")
    private static List<String> paths(Object node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String p = prefix.isEmpty() ? (String) e.getKey() : prefix + "." + e.getKey();
                paths.add(p);
                paths.addAll(paths(e.getValue(), p));
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                paths.add(prefix + "[" + i + "]");
                paths.addAll(paths(list.get(i), prefix + "[" + i + "]"));
            }
        }
        return paths;
    }

    /** A deep copy of the map with the value at the path replaced. */
    @SuppressWarnings("unchecked")
    private static Object replace(Object node, String path, Object value) {
        if (path.isEmpty()) return value;
        if (path.startsWith("[")) {
            int end = path.indexOf(']');
            int index = Integer.parseInt(path.substring(1, end));
            String rest = path.substring(end + 1).replaceFirst("^\\.", "");
            List<Object> copy = new ArrayList<>((List<Object>) node);
            copy.set(index, replace(copy.get(index), rest, value));
            return copy;
        }
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        int cut = dot < 0 ? bracket : bracket < 0 ? dot : Math.min(dot, bracket);
        String key = cut < 0 ? path : path.substring(0, cut);
        String rest = cut < 0 ? "" : path.substring(cut).replaceFirst("^\\.", "");
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) node);
        copy.put(key, replace(copy.get(key), rest, value));
        return copy;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PAYMENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        String clean = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
    }
}
