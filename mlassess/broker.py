"""A folder-based Celery broker for the embedded set-up, with no server to install.

kombu's filesystem transport writes each message straight into the queue folder, so a worker polling the
folder can pick up a file that is not fully written yet and die on it (celery/kombu#1551). This transport
writes each message under a hidden temporary name and renames it into place: a rename within one folder is
atomic, so a reader sees a whole message or none.
"""

import os
import uuid
from time import monotonic

from kombu.transport import TRANSPORT_ALIASES, filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        name = f"{int(round(monotonic() * 1000))}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        # The reader only takes files named "<stamp>_<uuid>.<queue>.msg"; a dotted prefix never matches.
        partial = os.path.join(self.data_folder_out, f".partial-{name}")
        try:
            with open(partial, "wb") as f:
                f.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as exc:
            raise filesystem.ChannelError(f"Cannot add file {final!r} to directory") from exc


class Transport(filesystem.Transport):
    Channel = Channel


TRANSPORT_ALIASES["mlassessfs"] = "mlassess.broker:Transport"
