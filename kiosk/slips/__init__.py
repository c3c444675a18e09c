"""The clearance slip: an inspection as a PDF for the 80 mm roll printer."""

from kiosk.slips.slip import SlipContext, SlipError, render_slip, slip_file_name, write_slip

__all__ = ["SlipContext", "SlipError", "render_slip", "slip_file_name", "write_slip"]
