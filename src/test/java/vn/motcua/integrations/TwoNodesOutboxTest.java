package vn.motcua.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotcuaApplication;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.SubmissionRequest;
import vn.motcua.outbox.OutboxDispatcher;
import vn.motcua.support.PostgresDatabase;
import vn.motcua.support.Submissions;

/**
 * Two service nodes (two engines) on one PostgreSQL, both dispatching the outbox at the same
 * time: every message reaches the portal exactly once, in order per dossier.
 */
class TwoNodesOutboxTest {

    @RegisterExtension
    static WireMockExtension portal = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void eachMessageIsSentOnceAlthoughBothNodesDispatch() throws Exception {
        portal.stubFor(post(urlEqualTo("/dvcqg/DongBoHoSoMC")).willReturn(aResponse().withStatus(200).withFixedDelay(5)));
        String url = PostgresDatabase.create("motcua_test_two_nodes");
        try (ConfigurableApplicationContext node1 = start(url); ConfigurableApplicationContext node2 = start(url)) {
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ConfigurableApplicationContext node = i % 2 == 0 ? node1 : node2;
                DossierSubmission submission = node.getBean(DossierSubmission.class);
                String code = submission.submit(new ObjectMapper().convertValue(
                        Submissions.birthRegistration(i % 3 == 0 ? "thuc-phan" : "tan-giang", "COUNTER"), SubmissionRequest.class)).code();
                TaskService tasks = node.getBean(TaskService.class);
                tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId(),
                        Map.of("receptionDecision", "ACCEPT"));
                codes.add(code);
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> sent = new ArrayList<>();
                for (ConfigurableApplicationContext node : List.of(node1, node2)) {
                    OutboxDispatcher dispatcher = node.getBean(OutboxDispatcher.class);
                    sent.add(pool.submit(() -> {
                        int total = 0;
                        for (int round = 0; round < 20; round++) total += dispatcher.dispatchDue();
                        return total;
                    }));
                }
                int byNode1 = sent.get(0).get();
                int byNode2 = sent.get(1).get();
                System.out.printf("TWO NODES: node 1 sent %d, node 2 sent %d messages%n", byNode1, byNode2);
                assertThat(byNode1 + byNode2).isEqualTo(90);
            } finally {
                pool.shutdownNow();
            }
            List<LoggedRequest> requests = portal.findAll(postRequestedFor(urlEqualTo("/dvcqg/DongBoHoSoMC")));
            List<String> keys = requests.stream().map(r -> r.getHeader("Idempotency-Key")).toList();
            assertThat(keys).hasSize(90).doesNotHaveDuplicates();
            JdbcClient jdbc = node1.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from mc_outbox where channel = 'PORTAL' and state = 'SENT'").query(Long.class).single())
                    .isEqualTo(90);
            ObjectMapper json = new ObjectMapper();
            for (String code : codes) {
                List<Integer> statuses = new ArrayList<>();
                for (LoggedRequest r : requests) {
                    var body = json.readTree(r.getBodyAsString());
                    if (body.get("MaHoSo").asText().equals(code)) statuses.add(body.get("TrangThaiHoSo").asInt());
                }
                assertThat(statuses).as(code).containsExactly(1, 2, 4);
            }
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(MotcuaApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("demo", "test", "postgres", "pgtest")
                .run(   // arguments, so they win over application.yaml
                        "--motcua.test.pg-url=" + url,
                        "--motcua.integrations.portal.url=" + portal.baseUrl() + "/dvcqg",
                        "--motcua.outbox.enabled=false",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration");
    }
}
