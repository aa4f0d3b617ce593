package vn.motcua.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;

/**
 * Checks that the catalog, the BPMN files and the Camunda Forms agree: every procedure's process
 * exists and has a history time to live, every user task has a form that exists and a share of
 * the limit, and the shares add up to 100 %. And that they keep the process contract: every form
 * field is a declared variable, a task's form writes exactly what the contract lets that task
 * write, with the same choices and lengths.
 */
public final class CatalogConsistency {

    /** Facts of a dossier the catalog holds and the service loads into every process it runs. */
    private static final Set<String> CATALOG_FACTS = Set.of(vn.motcua.process.DossierProcess.Var.RESOLUTION_BLOCK,
            vn.motcua.process.DossierProcess.Var.AGENCY_PARTS);

    private CatalogConsistency() {
    }

    public static List<String> problems(ProcedureCatalog catalog, Resource[] bpmnFiles, Resource[] formFiles) {
        return problems(catalog, bpmnFiles, formFiles, null);
    }

    /**
     * @param isBean whether an expression's name is a bean of the service; with it, every name an
     *               expression reads must be a declared variable or a bean (null skips that check)
     */
    public static List<String> problems(ProcedureCatalog catalog, Resource[] bpmnFiles, Resource[] formFiles,
                                        java.util.function.Predicate<String> isBean) {
        List<String> problems = new ArrayList<>();
        if (isBean != null) {
            problems.addAll(ModelContract.problems(bpmnFiles, isBean));
        }
        Map<String, JsonNode> forms = forms(formFiles, problems);
        Set<String> formIds = forms.keySet();
        problems.addAll(contractProblems());
        java.util.List<String> exemptions = java.util.Arrays.stream(FeeExemption.values()).map(Enum::name).toList();
        if (!vn.motcua.process.ProcessContract.INTAKE_FEE_EXEMPTION.values().equals(new java.util.HashSet<>(exemptions))) {
            problems.add("process variable intakeFeeExemption offers " + vn.motcua.process.ProcessContract.INTAKE_FEE_EXEMPTION.values()
                    + ", not the catalog's fee exemptions " + exemptions);
        }

        Map<String, Process> processes = new HashMap<>();
        Map<String, String> procedureFiles = new java.util.TreeMap<>();
        for (Resource bpmn : bpmnFiles) {
            try (InputStream in = bpmn.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                for (Process process : model.getModelElementsByType(Process.class)) {
                    if (!process.isExecutable()) continue;
                    processes.put(process.getId(), process);
                    if (!isSharedBlock(bpmn)) {
                        procedureFiles.put(process.getId(), bpmn.getFilename());
                    }
                    if (process.getCamundaHistoryTimeToLiveString() == null) {
                        problems.add(bpmn.getFilename() + ": process " + process.getId() + " has no historyTimeToLive");
                    }
                    for (UserTask task : userTasks(process)) {
                        String ref = task.getCamundaFormRef();
                        if (ref == null) {
                            problems.add(bpmn.getFilename() + ": user task " + task.getId() + " has no form (camunda:formRef)");
                        } else if (!formIds.contains(ref)) {
                            problems.add(bpmn.getFilename() + ": user task " + task.getId() + " refers to form " + ref + ", which is not in forms/");
                        } else {
                            problems.addAll(FormContract.problems(bpmn.getFilename() + ": user task " + task.getId(),
                                    task.getId(), forms.get(ref)));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null) cause = cause.getCause();
                problems.add(bpmn.getFilename() + ": cannot be read as BPMN: " + e.getMessage()
                        + (cause != e ? " (" + cause.getMessage() + ")" : ""));
            }
        }
        if (processes.containsKey(vn.motcua.process.DossierProcess.Block.COUNTER_INTAKE)
                && !CounterIntakeForm.matches(catalog, forms.get(CounterIntakeForm.FORM_ID))) {
            problems.add("forms/" + CounterIntakeForm.FILE + " is missing or does not list the catalog's procedures and papers: "
                    + "regenerate it with mvn test -Dtest=CounterIntakeFormTest -Dmotcua.writeIntakeForm=true");
        }
        Set<String> catalogued = new HashSet<>();
        catalog.all().forEach(p -> catalogued.add(p.processKey()));
        procedureFiles.forEach((id, file) -> {
            if (!catalogued.contains(id)) {
                problems.add(file + ": process " + id + " is no procedure of the catalog (shared blocks live in processes/chung/)");
            }
        });
        for (Procedure procedure : catalog.all()) {
            Process process = processes.get(procedure.processKey());
            String where = "procedure " + procedure.code();
            if (process == null) {
                problems.add(where + ": process " + procedure.processKey() + " is not in processes/");
                continue;
            }
            Set<String> userTasks = new HashSet<>();
            for (UserTask task : procedureTasks(process, processes, procedure.resolution(), procedure.financialObligation(), problems)) {
                userTasks.add(task.getId());
                if (!procedure.steps().containsKey(task.getId())) {
                    problems.add(where + ": user task " + task.getId() + " has no share in steps");
                }
            }
            int total = 0;
            for (Map.Entry<String, Integer> step : procedure.steps().entrySet()) {
                if (!userTasks.contains(step.getKey())) {
                    problems.add(where + ": step " + step.getKey() + " is not a user task of " + procedure.processKey());
                }
                if (step.getValue() == null || step.getValue() < 0) {
                    problems.add(where + ": step " + step.getKey() + " has a negative or empty share");
                } else {
                    total += step.getValue();
                }
            }
            if (total != 100) {
                problems.add(where + ": step shares add up to " + total + " %, not 100 %");
            }
        }
        return problems.stream().distinct().toList();
    }

    /**
     * The user tasks a procedure's dossier goes through: its own, and those of the building blocks
     * it calls (a block named by {@code ${resolutionBlock}} is the procedure's resolution in the catalog). The
     * return block's tasks are due at the appointment and have no share; the tax authority's part
     * counts only for a procedure with financial obligations.
     */
    static List<UserTask> procedureTasks(Process process, Map<String, Process> processes, String resolutionBlock,
                                         boolean financialObligation, List<String> problems) {
        List<UserTask> tasks = new ArrayList<>(userTasks(process));
        for (org.camunda.bpm.model.bpmn.instance.CallActivity call : callActivities(process)) {
            for (var in : call.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class)) {
                for (var mapping : in.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class)) {
                    if ("all".equals(mapping.getCamundaVariables())) {
                        problems.add("process " + process.getId() + ": call activity " + call.getId() + " maps all variables in; map each one");
                    }
                    if (mapping.getCamundaTarget() != null && CATALOG_FACTS.contains(mapping.getCamundaTarget())) {
                        problems.add("process " + process.getId() + ": call activity " + call.getId() + " maps " + mapping.getCamundaTarget()
                                + " in; the catalog says it (resolution, agencyParts) and the service loads it");
                    }
                }
                for (var mapping : in.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut.class)) {
                    if ("all".equals(mapping.getCamundaVariables())) {
                        problems.add("process " + process.getId() + ": call activity " + call.getId() + " maps all variables out; map each one");
                    }
                }
            }
            String called = call.getCalledElement();
            if (called == null || called.equals(vn.motcua.process.DossierProcess.Block.RETURN)) continue;
            if (!financialObligation && vn.motcua.process.DossierProcess.Element.CALL_FINANCIAL_OBLIGATION.equals(call.getId())) continue;
            if (called.equals("${" + vn.motcua.process.DossierProcess.Var.RESOLUTION_BLOCK + "}")) {
                called = resolutionBlock;
            }
            Process block = called == null ? null : processes.get(called);
            if (block == null) {
                problems.add("process " + process.getId() + ": call activity " + call.getId() + " calls "
                        + (called == null ? "a block no caller names" : called) + ", which is not in processes/");
                continue;
            }
            tasks.addAll(procedureTasks(block, processes, resolutionBlock, financialObligation, problems));
        }
        return tasks;
    }

    /** Shared building blocks live in processes/chung/; every other process is a procedure of the catalog. */
    private static boolean isSharedBlock(Resource bpmn) {
        String where = bpmn.getDescription().replace('\\', '/');
        return where.contains("processes/chung/");
    }

    static List<org.camunda.bpm.model.bpmn.instance.CallActivity> callActivities(org.camunda.bpm.model.bpmn.instance.BaseElement container) {
        List<org.camunda.bpm.model.bpmn.instance.CallActivity> calls = new ArrayList<>(
                container.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class));
        for (org.camunda.bpm.model.bpmn.instance.SubProcess sub
                : container.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.SubProcess.class)) {
            calls.addAll(callActivities(sub));
        }
        return calls;
    }

    /** The user tasks of a process, those inside its subprocesses included. */
    static List<UserTask> userTasks(org.camunda.bpm.model.bpmn.instance.BaseElement container) {
        List<UserTask> tasks = new ArrayList<>(container.getChildElementsByType(UserTask.class));
        for (org.camunda.bpm.model.bpmn.instance.SubProcess sub
                : container.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.SubProcess.class)) {
            tasks.addAll(userTasks(sub));
        }
        return tasks;
    }

    private static List<String> contractProblems() {
        List<String> problems = new ArrayList<>();
        for (String name : vn.motcua.process.ProcessContract.undeclaredNames()) {
            problems.add("process variable " + name + " is not declared in the process contract (ProcessContract)");
        }
        return problems;
    }

    private static Map<String, JsonNode> forms(Resource[] formFiles, List<String> problems) {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> forms = new HashMap<>();
        for (Resource form : formFiles) {
            try (InputStream in = form.getInputStream()) {
                JsonNode schema = json.readTree(in);
                JsonNode id = schema.get("id");
                if (id == null || id.asText().isBlank()) {
                    problems.add(form.getFilename() + ": form has no id");
                } else if (forms.put(id.asText(), schema) != null) {
                    problems.add(form.getFilename() + ": form id " + id.asText() + " is used twice");
                }
            } catch (IOException e) {
                problems.add(form.getFilename() + ": cannot be read as a Camunda Form: " + e.getMessage());
            }
        }
        return forms;
    }
}
