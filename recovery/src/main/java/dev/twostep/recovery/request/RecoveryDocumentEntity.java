package dev.twostep.recovery.request;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One identity document of a recovery request; its type was decided from its bytes, not its name. */
@Entity
@Table(name = "TWO_STEP_RECOVERY_DOCUMENT")
public class RecoveryDocumentEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "REQUEST_ID")
    private RecoveryRequestEntity request;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "MEDIA_TYPE", length = 32, nullable = false)
    private String mediaType;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    // Lazy: the queue lists documents without reading their bytes.
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT", nullable = false)
    private byte[] content;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public RecoveryRequestEntity getRequest() {
        return request;
    }

    public void setRequest(RecoveryRequestEntity request) {
        this.request = request;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public byte[] getContent() {
        return content;
    }

    public void setContent(byte[] content) {
        this.content = content;
    }
}
