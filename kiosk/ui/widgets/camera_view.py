"""CameraView: paints the latest camera frame, scaled to fit with its aspect ratio kept."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.theme import icon_pixmap

BACKGROUND = QColor("#0f172a")
TEXT = QColor("#f8fafc")
DETAIL = QColor("#cbd5e1")
OFF_ICON_PX = 72
DEFAULT_ASPECT = QSize(16, 9)
MIN_WIDTH_PX = 240
MAX_HEIGHT_PER_WIDTH = 0.75
"""A portrait or square camera does not get taller than 4:3; its picture is pillarboxed."""


class CameraView(QWidget):
    """Shows the parcel camera's live picture, or says clearly why there is none.

    Frames arrive through ``show_frame`` (a ``QImage`` made on the GUI thread); only the latest
    one is kept and painted, so a slow paint never queues frames.
    """

    view_resized = Signal(int, int)
    """(width, height) in device pixels: the size frames should come at (``set_preview_size``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CameraView")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(MIN_WIDTH_PX)
        self._aspect = QSize(DEFAULT_ASPECT)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._image: QImage | None = None
        self._connected = True
        self._detail = ""
        self.setAccessibleName(self.tr("Camera"))
        # The first QPainter.fillRect makes PySide build several enum types (~10 ms): done
        # here, at start-up, instead of in the first paint after the first sign-in.
        warm = QImage(1, 1, QImage.Format.Format_RGB32)
        painter = QPainter(warm)
        painter.fillRect(warm.rect(), BACKGROUND)
        painter.end()

    # ---- Public API ------------------------------------------------------------------------

    @Slot(QImage)
    def show_frame(self, image: QImage) -> None:
        """Keep ``image`` as the latest frame and repaint (an empty image is ignored)."""
        if image.isNull():
            return
        self._image = image
        self._connected = True
        # Frames come scaled to this view, rounded to whole pixels: only a real change of
        # the camera's aspect (over 1 %) changes the layout, else each rounding would.
        aspect = self._aspect
        drift = abs(image.width() * aspect.height() - image.height() * aspect.width())
        if drift * 100 > image.height() * aspect.width():
            self._aspect = QSize(image.width(), image.height())
            self.updateGeometry()
        self.update()

    def set_connected(self, connected: bool, detail: str = "") -> None:
        """Say whether the camera is connected; when it is not, ``detail`` says why."""
        self._connected = connected
        self._detail = detail
        if not connected:
            self._image = None
        self.update()

    @property
    def has_frame(self) -> bool:
        """True when a frame is shown."""
        return self._image is not None

    def status_text(self) -> str:
        """The words painted instead of a picture, or ``""`` while a frame is shown."""
        if not self._connected:
            return self.tr("Camera disconnected")
        if self._image is None:
            return self.tr("Waiting for the camera\u2026")
        return ""

    def retranslate(self) -> None:
        """Word the accessible name and the painted status in the language in use."""
        self.setAccessibleName(self.tr("Camera"))
        self.update()

    # ---- Qt overrides ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Ask for frames of the new size (``view_resized``)."""
        super().resizeEvent(event)
        ratio = self.devicePixelRatioF()
        self.view_resized.emit(round(self.width() * ratio), round(self.height() * ratio))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        """The height of a frame ``width`` pixels wide (the last frame's aspect, else 16:9)."""
        ratio = min(MAX_HEIGHT_PER_WIDTH, self._aspect.height() / self._aspect.width())
        return max(1, round(width * ratio))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """A picture of useful size in the frames' aspect ratio."""
        return QSize(640, self.heightForWidth(640))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The smallest picture still worth looking at."""
        return QSize(MIN_WIDTH_PX, self.heightForWidth(MIN_WIDTH_PX))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Paint the frame letterboxed, or the reason there is none."""
        del event
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), BACKGROUND)
            image = self._image
            if image is not None and self._connected:
                target = self._target_rect(image.size())
                ratio = self.devicePixelRatioF()
                if (round(target.width() * ratio), round(target.height() * ratio)) != (
                    image.width(),
                    image.height(),
                ):
                    # Not (yet) at the view's size: scaled here. At its size it is copied
                    # as it is, without Qt's threaded smooth scaling (see view_resized).
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(target, image)
            else:
                self._paint_status(painter)
        finally:
            painter.end()

    # ---- Internals -------------------------------------------------------------------------

    def _target_rect(self, image_size: QSize) -> QRectF:
        scaled = image_size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - scaled.width()) / 2
        y = (self.height() - scaled.height()) / 2
        return QRectF(x, y, scaled.width(), scaled.height())

    def _paint_status(self, painter: QPainter) -> None:
        text = self.status_text()
        top = self.height() // 2 - OFF_ICON_PX // 2 - 24
        if not self._connected:
            pixmap = icon_pixmap("camera-off", OFF_ICON_PX)
            painter.drawPixmap((self.width() - OFF_ICON_PX) // 2, max(8, top - 16), pixmap)
            top += OFF_ICON_PX
        font = QFont(self.font())
        font.setPixelSize(24)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(TEXT)
        title_rect = QRect(8, top, self.width() - 16, 36)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, text)
        if self._detail and not self._connected:
            font.setPixelSize(17)
            font.setBold(False)
            painter.setFont(font)
            painter.setPen(DETAIL)
            detail_rect = QRect(16, top + 40, self.width() - 32, 60)
            painter.drawText(
                detail_rect,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self._detail,
            )
