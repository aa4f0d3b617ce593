package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.ResultDelivery;
import vn.motcua.dossier.StatusLog;
import vn.motcua.dossier.Timeline;
import vn.motcua.catalog.ReturnMethod;
import vn.motcua.process.DossierProcess.Var;

/** The result reached the citizen: at the counter, by post or online (status 10). */
@Component("returnResult")
class ReturnResult implements JavaDelegate {

    private final Dossiers dossiers;
    private final Timeline timeline;
    private final ResultDelivery results;
    private final StatusLog statusLog;
    private final Actors actors;
    private final vn.motcua.dossier.Ratings ratings;

    ReturnResult(Dossiers dossiers, Timeline timeline, ResultDelivery results, StatusLog statusLog, Actors actors,
                 vn.motcua.dossier.Ratings ratings) {
        this.ratings = ratings;
        this.dossiers = dossiers;
        this.timeline = timeline;
        this.results = results;
        this.statusLog = statusLog;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        String applicant = (String) execution.getVariable(Var.APPLICANT_NAME);
        ReturnMethod method = ReturnMethod.valueOf((String) execution.getVariable(Var.RETURN_METHOD));
        String note;
        String recipient = (String) execution.getVariable(Var.RECIPIENT_NAME);
        if (recipient != null) {
            // at the counter, also when the post office brought the shipment back
            note = "Trả kết quả tại Bộ phận Một cửa, người nhận: " + recipient
                    + (method == ReturnMethod.POST ? " (sau khi bưu gửi bị chuyển hoàn)" : "");
            timeline.receive(code, "Công dân", recipient, null);
        } else if (method == ReturnMethod.POST) {
            // the delivery is confirmed: by the post office's event or, without a connection, by the one-stop
            String tracking = dossiers.find(code).postalTrackingNumber();
            note = "Bưu điện đã phát kết quả cho công dân, số hiệu bưu gửi " + tracking + ", "
                    + execution.getVariable(Var.POST_EVENT_DETAIL);
            results.recordPostEvent(code, true, "Đã phát: " + execution.getVariable(Var.POST_EVENT_DETAIL));
        } else {
            note = "Trả kết quả điện tử trực tuyến";
            timeline.handOver(code, "ONLINE_RESULT", "Trả kết quả điện tử trực tuyến", "Bộ phận Một cửa", actors.now(), null,
                    "Công dân tải kết quả bằng mã hồ sơ và mã tra cứu");
            timeline.receive(code, "Công dân (trực tuyến)", applicant, null);
        }
        statusLog.changeStatus(code, DossierStatus.RETURNED, actors.now(), note);
        // the citizen's rating, chosen at the counter on the official's screen (once per dossier)
        String rating = ProcessContract.CITIZEN_RATING.get(execution);
        if (rating != null && !rating.isBlank() && ratings.of(code).isEmpty()) {
            ratings.rate(code, new vn.motcua.dossier.Ratings.RatingRequest(rating, ProcessContract.CITIZEN_RATING_COMMENT.get(execution)),
                    vn.motcua.dossier.Ratings.Via.COUNTER, actors.now());
        }
    }
}
