package siyu.wecom.simulator;

import java.time.Instant;

/**
 * An uploaded temporary media file (临时素材): good for three days from {@code createdAt} on the simulated clock
 * and shared by the corp's apps. {@code attachment} marks one uploaded by media/upload_attachment (朋友圈 or
 * 商品图册 resources), the only kind 客户朋友圈 accepts.
 */
record MediaFile(String mediaId, String type, String filename, int size, Instant createdAt, boolean attachment) {}
