package vn.motcua.dossier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.Outbox;

/**
 * The result of a dossier, from the leader's approval to the citizen: kept as approved, carried by
 * the post office (the shipment, its tracking number and its events) or published online.
 */
@Service
public class ResultDelivery {

    private final DossierRepository dossiers;
    private final StatusLog statusLog;
    private final Timeline timeline;
    private final OrgDirectory directory;
    private final Outbox outbox;
    private final CitizenNotices notices;

    ResultDelivery(DossierRepository dossiers, StatusLog statusLog, Timeline timeline, OrgDirectory directory, Outbox outbox,
                   CitizenNotices notices) {
        this.dossiers = dossiers;
        this.statusLog = statusLog;
        this.timeline = timeline;
        this.directory = directory;
        this.outbox = outbox;
        this.notices = notices;
    }

    /** The result as the leader approved it, printed as the electronic result. */
    @Transactional
    public void recordResult(String code, String text) {
        dossiers.setResultText(dossiers.require(code).id(), text);
    }

    /** The result as the leader approved it, if it has been. */
    public Optional<String> approvedResult(String code) {
        return dossiers.resultText(code);
    }

    /** Asks the post office, through the outbox, to carry the result to the citizen. */
    @Transactional
    public void requestShipment(String code) {
        Dossier d = dossiers.require(code);
        Map<String, Object> shipment = new LinkedHashMap<>();
        shipment.put("dossierCode", d.code());
        shipment.put("recipient", d.applicant().fullName());
        shipment.put("address", d.applicant().address());
        shipment.put("phone", d.applicant().phone());
        shipment.put("contents", "Kết quả giải quyết thủ tục " + statusLog.procedureName(d) + ", hồ sơ " + d.code());
        shipment.put("sender", directory.commune(d.communeCode()).map(c -> "Bộ phận Một cửa " + c.name()).orElse("Bộ phận Một cửa"));
        outbox.enqueue(code, Channel.POST, "TaoBuuGui", shipment);
    }

    /** The post office took the shipment: its tracking number goes on the dossier and its timeline. */
    @Transactional
    public void recordShipment(String code, String trackingNumber) {
        Dossier d = dossiers.require(code);
        if (trackingNumber.equals(d.postalTrackingNumber())) {
            return;   // the same shipment again (a retried request): recorded already
        }
        dossiers.setTracking(d.id(), trackingNumber);
        timeline.handOver(code, "POST_SHIPMENT", "Giao kết quả cho bưu điện chuyển phát", "Bộ phận Một cửa", "motcua", null,
                "Số hiệu bưu gửi " + trackingNumber);
        timeline.receive(code, "Bưu chính công ích", "Số hiệu bưu gửi " + trackingNumber, null);
    }

    /** The dossier whose result is the shipment with this tracking number. */
    public Optional<String> codeOfShipment(String trackingNumber) {
        return dossiers.codeOfTracking(trackingNumber);
    }

    /** The post office reports what became of the shipment. */
    @Transactional
    public void recordPostEvent(String code, boolean delivered, String detail) {
        Dossier d = dossiers.require(code);
        timeline.handOver(code, delivered ? "POST_DELIVERED" : "POST_RETURNED",
                delivered ? "Bưu điện phát kết quả cho công dân" : "Bưu gửi chuyển hoàn về Bộ phận Một cửa",
                "Bưu chính công ích", d.postalTrackingNumber(), null, detail);
        if (delivered) {
            timeline.receive(code, "Công dân", d.applicant().fullName(), null);
        }
    }

    /** The electronic result for the citizen (downloaded with the lookup secret) and the portal. */
    @Transactional
    public void publishResultOnline(String code) {
        Dossier d = dossiers.require(code);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("MaHoSo", d.code());
        result.put("DanhSachGiayToKetQua", List.of(Map.of(
                "TenGiayTo", "Kết quả giải quyết " + statusLog.procedureName(d),
                "MaGiayToKetQua", d.code(),
                "DuongDanTepTinKetQua", notices.publicUrl() + "/api/public/dossiers/" + d.code() + "/result?secret=" + d.lookupSecret())));
        outbox.enqueue(code, Channel.PORTAL, "DongBoKetQua", result);
    }
}
