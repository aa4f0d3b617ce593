package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/** The daily register (Mẫu 06): every dossier of the commune's day, read in one query. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class DailyRegisterTest {

    private static final Pattern CELL = Pattern.compile("\"((?:[^\"]|\"\")*)\"");

    @LocalServerPort int port;
    @Autowired DailyRegister register;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theRegisterListsTheCommunesDossiersOfTheDayInOrderFromOneQuery() {
        Http http = new Http(port);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-16T02:00:00Z")));   // Monday 09:00 in Vietnam
        String accepted = submit(http, Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception");
        String refused = submit(http, Submissions.birthRegistration("tan-giang", "POST"), "tan-giang.reception");
        String waiting = submit(http, Submissions.marriageStatus("tan-giang", "COUNTER"), "tan-giang.reception");
        String fromThePortal = submit(http, Submissions.birthRegistration("tan-giang", "ONLINE"), Http.PORTAL);
        String elsewhere = submit(http, Submissions.birthRegistration("thuc-phan", "COUNTER"), "thuc-phan.reception");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-16T03:30:00Z")));   // 10:30
        http.complete("tan-giang.reception", task(http, accepted), Map.of("receptionDecision", "ACCEPT")).expect(204);
        http.complete("tan-giang.reception", task(http, refused), Map.of("receptionDecision", "REFUSE",
                "refusalReason", "Không thuộc thẩm quyền của phường")).expect(204);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-17T02:00:00Z")));   // the next day
        String nextDay = submit(http, Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception");

        List<List<String>> rows = csv(http.get("/api/communes/tan-giang/register?date=2026-03-16&format=csv", "tan-giang.leader")
                .expect(200).text());
        assertThat(rows.get(0)).containsExactlyElementsOf(List.of("STT", "Mã hồ sơ", "Tên TTHC", "Số lượng", "Tổ chức/cá nhân",
                "Địa chỉ/điện thoại", "Cơ quan chủ trì", "Ngày nhận", "Hẹn trả", "Chuyển", "Trả kết quả", "Ghi chú"));
        List<List<String>> dossiers = rows.subList(1, rows.size());
        assertThat(dossiers).extracting(row -> row.get(1)).containsExactly(accepted, refused, waiting, fromThePortal)
                .doesNotContain(elsewhere, nextDay);
        assertThat(dossiers).extracting(row -> row.get(0)).containsExactly("1", "2", "3", "4");
        List<String> first = dossiers.get(0);
        assertThat(first.subList(0, 8)).containsExactly("1", accepted, "Đăng ký khai sinh", "01", "Nguyễn Thị Hồng Nhung",
                "Tổ 5, phường Tân Giang, tỉnh Cao Bằng, 0912345678", "Văn phòng HĐND và UBND", "10:30 16/03/2026");
        assertThat(first.get(8)).as("the appointment").endsWith("16/03/2026");
        assertThat(first.subList(9, 12)).containsExactly("10:30 16/03/2026", "", "Đang xử lý");
        assertThat(dossiers.get(1)).containsSubsequence(refused, "09:00 16/03/2026", "", "10:30 16/03/2026", "", "Không được tiếp nhận");
        assertThat(dossiers.get(2)).containsSubsequence(waiting, "Cấp Giấy xác nhận tình trạng hôn nhân")
                .endsWith("09:00 16/03/2026", "", "", "", "Mới đăng ký");
        assertThat(dossiers.get(3)).contains(fromThePortal, "Mới đăng ký");

        // however many dossiers the day had, their rows come from one query (and each department's name from one)
        List<String> statements = StatementLog.during(() -> register.rows("tan-giang", LocalDate.of(2026, 3, 16)));
        assertThat(statements).filteredOn(sql -> sql.contains("mc_dossier") || sql.contains("mc_handover")).hasSize(1);
        assertThat(statements).as("the rows' query and the department's name").hasSize(2);
    }

    private static String submit(Http http, Map<String, Object> body, String who) {
        return http.post("/api/dossiers", body, who).expect(201).body().get("code").asText();
    }

    private static String task(Http http, String code) {
        return http.tasks("tan-giang.reception", code).get(0).get("id").asText();
    }

    /** The register as CSV: a list of cells per line, the byte-order mark dropped. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.replace("\uFEFF", "").split("\r\n")) {
            if (line.isEmpty()) continue;
            List<String> cells = new ArrayList<>();
            if (line.startsWith("\"")) {
                Matcher cell = CELL.matcher(line);
                while (cell.find()) cells.add(cell.group(1).replace("\"\"", "\""));
            } else {
                cells.addAll(List.of(line.split(",")));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Records the SQL each statement prepared on the calling thread while it runs something. */
    static final class StatementLog {
        private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

        static List<String> during(Runnable work) {
            List<String> statements = new ArrayList<>();
            CURRENT.set(statements);
            try {
                work.run();
            } finally {
                CURRENT.remove();
            }
            return statements;
        }

        static DataSource watching(DataSource dataSource) {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(dataSource, method, args);
                        return result instanceof Connection connection ? watching(connection) : result;
                    });
        }

        private static Connection watching(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        List<String> statements = CURRENT.get();
                        if (statements != null && method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                            statements.add(sql);
                        }
                        return invoke(connection, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @TestConfiguration
    static class WatchedDataSource {
        @Bean
        static BeanPostProcessor watchStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? StatementLog.watching(dataSource) : bean;
                }
            };
        }
    }
}
