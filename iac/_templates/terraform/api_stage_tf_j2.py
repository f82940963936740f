from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_stage.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['json']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'json' found.")
    try:
        t_2 = environment.filters['loads']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'loads' found.")
    try:
        t_3 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_apigatewayv2_stage" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  api_id\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')))
    yield '\n  name\x00= "$default"\n  auto_deploy\x00= true\n\n  default_route_settings {\n    throttling_rate_limit\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'rate'))
    yield '\n    throttling_burst_limit\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'burst'))
    yield '\n  }\n\n  access_log_settings {\n    destination_arn\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'access_logs')))
    yield '\n    format\x00= '
    yield str(t_1(context, t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'access_log_format')), 4))
    yield '\n  }\n}\n'

blocks = {}
debug_info = '1=32&2=34&3=36&8=38&9=40&13=42&14=44'
