package vn.motcua.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.SubmissionRequest;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.process.DossierProcess.Var;

/**
 * Fills the province with open dossiers spread over communes, procedures and steps, in-process
 * through motcua's own services (the submission as {@code POST /api/dossiers} does it, each step
 * completed by an official of the task's group with the engine's authorization checks on). A
 * dossier moves {@code 0..5} steps: awaiting reception (30 %), the head's assignment (15 %), the
 * specialist's appraisal (25 %), the head's review (10 %), the leader's approval (10 %) and the
 * return at the one-stop (10 %).
 */
final class ProvinceSeeder {

    /** Department procedures with no fee, so every dossier takes the same steps whatever its commune. */
    static final List<String> PROCEDURES = List.of("1.004837", "1.004845", "1.001776", "1.001731", "1.014027", "1.014028");
    private static final int[] STEP_WEIGHTS = {30, 15, 25, 10, 10, 10};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DossierSubmission submission;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ProcedureCatalog catalog;
    private final int communes;

    ProvinceSeeder(ApplicationContext app, int communes) {
        this.submission = app.getBean(DossierSubmission.class);
        this.tasks = app.getBean(TaskService.class);
        this.identity = app.getBean(IdentityService.class);
        this.catalog = app.getBean(ProcedureCatalog.class);
        this.communes = communes;
    }

    /** How many steps the n-th dossier moves (deterministic, so reruns continue the same spread). */
    static int stepsOf(long n) {
        int r = (int) ((n * 7919) % 100);
        for (int i = 0; i < STEP_WEIGHTS.length; i++) {
            if (r < STEP_WEIGHTS[i]) return i;
            r -= STEP_WEIGHTS[i];
        }
        return 0;
    }

    /** Seeds dossiers number {@code from} (inclusive) to {@code to} (exclusive) with {@code threads} workers. */
    void seed(long from, long to, int threads) throws Exception {
        run(from, to, threads, this::one);
    }

    /**
     * Takes dossiers number {@code from} to {@code to} (exclusive) through the whole flow to the end: accepted,
     * assigned, appraised, reviewed, approved and returned at the counter (status 10).
     */
    void finish(long from, long to, int threads) throws Exception {
        run(from, to, threads, n -> {
            String commune = ProvinceChart.commune(1 + (int) (n % communes));
            String code = submit(commune, n);
            for (int s = 0; s < 20 && advance(code, commune, n); s++) {
                // one step each
            }
        });
    }

    private void run(long from, long to, int threads, java.util.function.LongConsumer dossier) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong(from);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (long n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
                    dossier.accept(n);
                    long d = done.incrementAndGet();
                    if (d % 2000 == 0) {
                        System.out.printf("  seeded %,d of %,d (%.0f dossiers/s)%n", from + d, to, d / ((System.nanoTime() - start) / 1e9));
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> w : workers) w.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private void one(long n) {
        String commune = ProvinceChart.commune(1 + (int) (n % communes));
        String code = submit(commune, n);
        int steps = stepsOf(n);
        for (int s = 0; s < steps; s++) {
            if (!advance(code, commune, n)) break;
        }
    }

    private String submit(String commune, long n) {
        Procedure procedure = catalog.find(PROCEDURES.get((int) ((n / communes) % PROCEDURES.size()))).orElseThrow();
        return submission.submit(request(procedure, commune, n)).code();
    }

    static SubmissionRequest request(Procedure procedure, String commune, long n) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", procedure.code());
        body.put("communeCode", commune);
        body.put("channel", n % 5 < 2 ? "ONLINE" : "COUNTER");
        body.put("returnMethod", "COUNTER");
        body.put("applicant", Map.of("fullName", name(n), "idNumber", String.format("%012d", 1_000_000L + n),
                "phone", "0912345678", "address", "Thôn Bản Giới, " + commune));
        body.put("components", procedure.components().stream().filter(Procedure.Component::required)
                .map(c -> Map.of("name", c.name(), "copies", 1)).toList());
        return JSON.convertValue(body, SubmissionRequest.class);
    }

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Nông", "Bế", "Lương", "Đàm", "Triệu"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Hữu"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dung", "Hạnh", "Khánh", "Lan", "Mai", "Nam", "Phương", "Quang", "Sơn", "Thảo"};

    static String name(long n) {
        return FAMILY[(int) (n % FAMILY.length)] + " " + MIDDLE[(int) (n / 10 % MIDDLE.length)] + " " + GIVEN[(int) (n / 70 % GIVEN.length)];
    }

    /** Completes the dossier's one open task as an official of its group; false when there is none to complete. */
    private boolean advance(String code, String commune, long n) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(code).list();
        if (open.size() != 1) return false;
        Task task = open.get(0);
        String group = null;
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (link.getGroupId() != null) group = link.getGroupId();
        }
        String user = task.getAssignee() != null ? task.getAssignee() : official(group);
        if (user == null) return false;
        Map<String, Object> vars = new HashMap<>();
        String department = group != null && group.split(":").length == 3 ? group.split(":")[1] : "vp";
        switch (task.getTaskDefinitionKey()) {
            case Element.TASK_RECEPTION_CHECK -> vars.put(Var.RECEPTION_DECISION, "ACCEPT");
            case Element.TASK_ASSIGN_SPECIALIST -> vars.put(Var.SPECIALIST_ID,
                    commune + "." + department + ".specialist" + (1 + n % 7));
            case Element.TASK_APPRAISE_DOSSIER -> {
                vars.put(Var.APPRAISAL_DECISION, "DRAFT");
                vars.put(Var.DRAFT_RESULT, "Quyết định giải quyết hồ sơ " + code);
            }
            case Element.TASK_REVIEW_DRAFT -> vars.put(Var.HEAD_DECISION, "APPROVE");
            case Element.TASK_LEADER_APPROVAL -> vars.put(Var.LEADER_DECISION, "APPROVE");
            case Element.TASK_RETURN_AT_COUNTER -> {
                vars.put(Var.RECIPIENT_NAME, name(n));
                vars.put(Var.CITIZEN_RATING, "HAI_LONG");
            }
            default -> {
                return false;
            }
        }
        identity.setAuthentication(user, groupsOf(user), List.of(commune));
        try {
            tasks.complete(task.getId(), vars);
        } finally {
            identity.clearAuthentication();
        }
        return true;
    }

    private static String official(String group) {
        if (group == null) return null;
        String[] p = group.split(":");
        return p.length == 3 ? p[0] + "." + p[1] + "." + p[2] : p[0] + "." + p[1];
    }

    /** The official's groups as their login has them (their commune's role group and the province-wide ones). */
    private List<String> groupsOf(String user) {
        return groupsByUser.computeIfAbsent(user, u -> identity.createGroupQuery().groupMember(u).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    }

    private final java.util.Map<String, List<String>> groupsByUser = new java.util.concurrent.ConcurrentHashMap<>();
}
