package vn.motcua.dossier;

import vn.motcua.outbox.Channel;

/**
 * The other agencies a dossier waits for, each reached through its own outbox channel: those of the
 * inter-agency bundles (liên thông), and the tax authority for a land procedure's financial obligations.
 */
public enum Agency {
    /** The commune police: permanent residence (đăng ký, xóa đăng ký thường trú). */
    CONG_AN("Công an xã", Channel.POLICE),
    /** The social insurance agency: health insurance cards, funeral allowance and survivor benefits. */
    BHXH("Bảo hiểm xã hội", Channel.SOCIAL_INSURANCE),
    /** The tax authority: the financial obligations of land procedures (tiền sử dụng đất, lệ phí trước bạ, thuế). */
    THUE("Cơ quan thuế", Channel.TAX);

    private final String label;
    private final Channel channel;

    Agency(String label, Channel channel) {
        this.label = label;
        this.channel = channel;
    }

    public String label() {
        return label;
    }

    public Channel channel() {
        return channel;
    }
}
