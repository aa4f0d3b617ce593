package vn.motcua.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;

/**
 * Scales the seeded province up by copying it: every open dossier seeded through the services (the
 * template) is copied {@code k} times, each copy in another commune ({@code xa-NNN} shifted by
 * {@code 37·k}), with every row the engine keeps at run time for it — executions, tasks, candidate
 * and assignee links, any per-task authorization (the engine writes none since engine.CommuneTaskAuthorizations), variables (and their byte
 * arrays), timers and event subscriptions — and motcua's dossier row. Ids get {@code ~k}, codes
 * {@code -k}. The copies are rows exactly like the template's at the same step, so the inbox's
 * queries see a province of that size; history is not copied (the inbox reads none). Seeding
 * 200,000 dossiers through the services takes hours on 2 cores, copying them minutes.
 */
final class ProvinceCloner {

    private final BenchDatabase db;
    private final int communes;

    ProvinceCloner(BenchDatabase db, int communes) {
        this.db = db;
        this.communes = communes;
    }

    /** Templates: the dossiers seeded through the services. */
    long templates() throws Exception {
        return db.count("select count(*) from mc_dossier where process_instance_id not like '%~%'");
    }

    long copies() throws Exception {
        return db.count("select coalesce(max(split_part(id_, '~', 2)::int), 0) from act_ru_task where id_ like '%~%'");
    }

    /** Adds copies {@code from..to} (inclusive) of every template. */
    void copy(int from, int to) throws Exception {
        long start = System.nanoTime();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set synchronous_commit = off");
            s.execute("""
                    create or replace function bench_id(s text, k int) returns text language sql immutable as
                    $$ select case when s is null then null when length(s) + 1 + length(k::text) <= 64 then s || '~' || k else md5(s) || '~' || k end $$""");
            s.execute(String.format(Locale.ROOT, """
                    create or replace function bench_shift(s text, k int) returns text language sql immutable as
                    $$ select case when s is null or s !~ 'xa-[0-9]{3}' then s else regexp_replace(s, 'xa-[0-9]{3}',
                       'xa-' || lpad((((substring(s from 'xa-([0-9]{3})')::int - 1 + k * 37) %% %d) + 1)::text, 3, '0'), 'g') end $$""",
                    communes));
            String ks = "generate_series(" + from + ", " + to + ") k";
            for (String sql : new String[] {
                    """
                    insert into act_ge_bytearray (id_, rev_, name_, deployment_id_, bytes_, generated_, tenant_id_, type_, create_time_, root_proc_inst_id_, removal_time_)
                    select bench_id(b.id_, k), b.rev_, b.name_, b.deployment_id_, b.bytes_, b.generated_, bench_shift(b.tenant_id_, k), b.type_, b.create_time_,
                           bench_id(b.root_proc_inst_id_, k), b.removal_time_
                    from act_ge_bytearray b cross join %s
                    where b.id_ in (select bytearray_id_ from act_ru_variable where id_ not like '%%~%%' and bytearray_id_ is not null)""",
                    """
                    insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, parent_id_, proc_def_id_, super_exec_,
                      super_case_exec_, case_inst_id_, act_id_, act_inst_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_,
                      cached_ent_state_, sequence_counter_, tenant_id_, proc_def_key_)
                    select bench_id(id_, k), rev_, bench_id(root_proc_inst_id_, k), bench_id(proc_inst_id_, k),
                      case when business_key_ is null then null else business_key_ || '-' || k end, bench_id(parent_id_, k), proc_def_id_, bench_id(super_exec_, k),
                      super_case_exec_, case_inst_id_, act_id_, bench_id(act_inst_id_, k), is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_,
                      cached_ent_state_, sequence_counter_, bench_shift(tenant_id_, k), proc_def_key_
                    from act_ru_execution cross join %s where id_ not like '%%~%%'""",
                    """
                    insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, case_execution_id_, case_inst_id_, case_def_id_, name_,
                      parent_task_id_, description_, task_def_key_, owner_, assignee_, delegation_, priority_, create_time_, due_date_, follow_up_date_,
                      suspension_state_, tenant_id_, last_updated_, task_state_)
                    select bench_id(id_, k), rev_, bench_id(execution_id_, k), bench_id(proc_inst_id_, k), proc_def_id_, case_execution_id_, case_inst_id_,
                      case_def_id_, name_, parent_task_id_, description_, task_def_key_, bench_shift(owner_, k), bench_shift(assignee_, k), delegation_,
                      priority_, create_time_, due_date_, follow_up_date_, suspension_state_, bench_shift(tenant_id_, k), last_updated_, task_state_
                    from act_ru_task cross join %s where id_ not like '%%~%%'""",
                    """
                    insert into act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_, proc_def_id_, tenant_id_)
                    select bench_id(id_, k), rev_, bench_shift(group_id_, k), type_, bench_shift(user_id_, k), bench_id(task_id_, k), proc_def_id_,
                      bench_shift(tenant_id_, k)
                    from act_ru_identitylink cross join %s where task_id_ is not null and id_ not like '%%~%%'""",
                    """
                    insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_, removal_time_, root_proc_inst_id_)
                    select bench_id(a.id_, k), a.rev_, a.type_, bench_shift(a.group_id_, k), bench_shift(a.user_id_, k), a.resource_type_,
                      bench_id(a.resource_id_, k), a.perms_, a.removal_time_, bench_id(a.root_proc_inst_id_, k)
                    from act_ru_authorization a cross join %s
                    where a.resource_type_ = 7 and a.resource_id_ in (select id_ from act_ru_task where id_ not like '%%~%%')""",
                    """
                    insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, case_execution_id_, case_inst_id_,
                      task_id_, batch_id_, bytearray_id_, double_, long_, text_, text2_, var_scope_, sequence_counter_, is_concurrent_local_, tenant_id_)
                    select bench_id(id_, k), rev_, type_, name_, bench_id(execution_id_, k), bench_id(proc_inst_id_, k), proc_def_id_, case_execution_id_,
                      case_inst_id_, bench_id(task_id_, k), batch_id_, bench_id(bytearray_id_, k), double_, long_,
                      case when name_ = 'dossierCode' then text_ || '-' || k else bench_shift(text_, k) end, bench_shift(text2_, k),
                      bench_id(var_scope_, k), sequence_counter_, is_concurrent_local_, bench_shift(tenant_id_, k)
                    from act_ru_variable cross join %s where id_ not like '%%~%%'""",
                    """
                    insert into act_ru_job (id_, rev_, type_, lock_exp_time_, lock_owner_, exclusive_, execution_id_, process_instance_id_, process_def_id_,
                      process_def_key_, retries_, exception_stack_id_, exception_msg_, failed_act_id_, duedate_, repeat_, repeat_offset_, handler_type_,
                      handler_cfg_, deployment_id_, suspension_state_, job_def_id_, priority_, sequence_counter_, tenant_id_, create_time_,
                      last_failure_log_id_, root_proc_inst_id_, batch_id_)
                    select bench_id(id_, k), rev_, type_, null, null, exclusive_, bench_id(execution_id_, k), bench_id(process_instance_id_, k),
                      process_def_id_, process_def_key_, retries_, null, null, null, duedate_, repeat_, repeat_offset_, handler_type_, handler_cfg_,
                      deployment_id_, suspension_state_, job_def_id_, priority_, sequence_counter_, bench_shift(tenant_id_, k), create_time_, null,
                      bench_id(root_proc_inst_id_, k), batch_id_
                    from act_ru_job cross join %s where id_ not like '%%~%%' and process_instance_id_ is not null""",
                    """
                    insert into act_ru_event_subscr (id_, rev_, event_type_, event_name_, execution_id_, proc_inst_id_, activity_id_, configuration_, created_, tenant_id_)
                    select bench_id(id_, k), rev_, event_type_, event_name_, bench_id(execution_id_, k), bench_id(proc_inst_id_, k), activity_id_,
                      configuration_, created_, bench_shift(tenant_id_, k)
                    from act_ru_event_subscr cross join %s where id_ not like '%%~%%' and proc_inst_id_ is not null""",
                    """
                    insert into mc_dossier (code, procedure_code, commune_code, agency_id, department_code, channel, return_method, status, applicant_name,
                      applicant_id_number, applicant_phone, applicant_email, applicant_address, submitted_at, accepted_at, appointment_at, finished_at,
                      returned_at, process_instance_id, supplement_count, original_appointment_at, paused_at, late_at, reschedule_count, lookup_secret,
                      postal_tracking_number, result_text, result_copies, page_count, fee_exemption, event_date, fee_amount, fee_lines, ended_at,
                      processing_minutes, processing_supplements, paper_count, digitized_papers, portal_synced, paid_online, result_digitized, rating_level)
                    select d.code || '-' || k, d.procedure_code, bench_shift(d.commune_code, k), m.agency_id, d.department_code, d.channel, d.return_method,
                      d.status, d.applicant_name, d.applicant_id_number, d.applicant_phone, d.applicant_email, d.applicant_address, d.submitted_at,
                      d.accepted_at, d.appointment_at, d.finished_at, d.returned_at, bench_id(d.process_instance_id, k), d.supplement_count,
                      d.original_appointment_at, d.paused_at, d.late_at, d.reschedule_count, upper(left(md5(d.lookup_secret || k), 12)), d.postal_tracking_number,
                      d.result_text, d.result_copies, d.page_count, d.fee_exemption, d.event_date, d.fee_amount, d.fee_lines, d.ended_at,
                      d.processing_minutes, d.processing_supplements, d.paper_count, d.digitized_papers, d.portal_synced, d.paid_online,
                      d.result_digitized, d.rating_level
                    from mc_dossier d cross join %s join mc_commune m on m.code = bench_shift(d.commune_code, k)
                    where d.process_instance_id not like '%%~%%'"""}) {
                s.execute(String.format(Locale.ROOT, sql, ks));
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("analyze");
        }
        System.out.printf(Locale.ROOT, "  copied the %,d seeded dossiers %d times in %.0f s%n", templates(), to - from + 1, (System.nanoTime() - start) / 1e9);
    }
}
