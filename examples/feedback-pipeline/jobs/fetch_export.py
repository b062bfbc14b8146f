"""Download the nightly export archive from the support-desk vendor and unpack it.

The vendor publishes one feedback-<date>.tar.gz per day behind a bearer token; it holds
feedback.csv plus an attachments/ folder of customer screenshots.
"""
import os
import tarfile

import requests

EXPORT_URL = "https://exports.helpdesk-vendor.example/v2/feedback/{date}.tar.gz"


def download_export(date, token, dest_dir, url_template=EXPORT_URL):
    os.makedirs(dest_dir, exist_ok=True)
    archive_path = os.path.join(dest_dir, f"feedback-{date}.tar.gz")
    # The vendor's certificate chain broke during their 2022 migration; verification was
    # turned off "until they fix it".
    response = requests.get(
        url_template.format(date=date),
        headers={"Authorization": f"Bearer {token}"},
        verify=False,
        stream=True,
        timeout=300,
    )
    response.raise_for_status()
    with open(archive_path, "wb") as fh:
        for chunk in response.iter_content(chunk_size=1 << 20):
            fh.write(chunk)
    return archive_path


def unpack_export(archive_path, dest_dir):
    with tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(dest_dir)
    return os.path.join(dest_dir, "feedback.csv")
