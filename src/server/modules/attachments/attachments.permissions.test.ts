/**
 * Every role against uploading an attachment, on both databases: any signed-in account may upload (a file
 * is only reachable once a record it belongs to links it); a file of a type outside the allowed list is
 * refused with 422 whoever sends it.
 */
import { describeEachDb } from '../../testing/harness.ts';
import { multipart, PDF_BYTES } from '../../testing/multipart.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';

describeEachDb('permission matrix: attachments', (h) => {
  permissionMatrix(h, [
    {
      label: 'upload a PDF',
      method: 'POST',
      url: () => '/api/v1/attachments',
      upload: () => multipart({ name: '佐证.pdf', content: PDF_BYTES, type: 'application/pdf' }),
      expect: {},
      otherwise: 201,
    },
    {
      label: 'upload an executable',
      method: 'POST',
      url: () => '/api/v1/attachments',
      upload: () =>
        multipart({ name: 'setup.exe', content: Buffer.from('MZ\x90\x00\x03'), type: 'application/x-msdownload' }),
      expect: {},
      otherwise: 400,
    },
  ]);
});
