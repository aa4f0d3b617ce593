package vn.motcua.engine;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves running process instances to another tenant where they stand. Camunda has no API for
 * this, so it rewrites the tenant of every runtime and history row of the instances, in the
 * caller's transaction (the engine shares it): executions, tasks, jobs with their due dates,
 * variables, subscriptions, incidents and history stay as they are, in the new commune.
 */
@Component
public class TenantTransfer {

    /** Tables and the column that names the (root) process instance of a row. */
    private static final List<String[]> TABLES = List.of(
            new String[] {"ACT_RU_EXECUTION", "PROC_INST_ID_"},
            new String[] {"ACT_RU_TASK", "PROC_INST_ID_"},
            new String[] {"ACT_RU_VARIABLE", "PROC_INST_ID_"},
            new String[] {"ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_"},
            new String[] {"ACT_RU_INCIDENT", "PROC_INST_ID_"},
            new String[] {"ACT_RU_EXT_TASK", "PROC_INST_ID_"},
            new String[] {"ACT_RU_JOB", "PROCESS_INSTANCE_ID_"},
            new String[] {"ACT_GE_BYTEARRAY", "ROOT_PROC_INST_ID_"},
            new String[] {"ACT_HI_PROCINST", "PROC_INST_ID_"},
            new String[] {"ACT_HI_ACTINST", "PROC_INST_ID_"},
            new String[] {"ACT_HI_TASKINST", "PROC_INST_ID_"},
            new String[] {"ACT_HI_VARINST", "PROC_INST_ID_"},
            new String[] {"ACT_HI_DETAIL", "PROC_INST_ID_"},
            new String[] {"ACT_HI_INCIDENT", "PROC_INST_ID_"},
            new String[] {"ACT_HI_OP_LOG", "PROC_INST_ID_"},
            new String[] {"ACT_HI_COMMENT", "PROC_INST_ID_"},
            new String[] {"ACT_HI_ATTACHMENT", "PROC_INST_ID_"},
            new String[] {"ACT_HI_EXT_TASK_LOG", "PROC_INST_ID_"},
            new String[] {"ACT_HI_JOB_LOG", "PROCESS_INSTANCE_ID_"},
            new String[] {"ACT_HI_IDENTITYLINK", "ROOT_PROC_INST_ID_"});

    private final JdbcClient jdbc;

    TenantTransfer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void move(String processInstanceId, String tenant) {
        for (String[] table : TABLES) {
            jdbc.sql("update " + table[0] + " set TENANT_ID_ = ? where " + table[1] + " = ?")
                    .params(tenant, processInstanceId).update();
        }
        jdbc.sql("update ACT_RU_IDENTITYLINK set TENANT_ID_ = ? where TASK_ID_ in (select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?)")
                .params(tenant, processInstanceId).update();
    }
}
