package vn.motcua.dossier;

import vn.motcua.outbox.Channel;

/** The other agencies of the inter-agency bundles (liên thông), each reached through its own outbox channel. */
public enum Agency {
    /** The commune police: permanent residence (đăng ký, xóa đăng ký thường trú). */
    CONG_AN("Công an xã", Channel.POLICE),
    /** The social insurance agency: health insurance cards, funeral allowance and survivor benefits. */
    BHXH("Bảo hiểm xã hội", Channel.SOCIAL_INSURANCE);

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
